// Command service is the benchmark workload: a realistic stdlib-only HTTP service
// (JSON API, HTML templates, TLS client, gzip, structured logs, SQL-free storage).
package main

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

type item struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Tags    []string  `json:"tags"`
	Created time.Time `json:"created"`
}

type store struct {
	mu    sync.RWMutex
	items map[string]item
}

var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9 _-]{0,63}$`)

var page = template.Must(template.New("page").Parse(`<!doctype html><title>items</title>
<ul>{{range .}}<li>{{.Name}} ({{len .Tags}} tags, {{.Created.Format "2006-01-02"}})</li>{{end}}</ul>`))

func (s *store) put(name string, tags []string) (item, error) {
	if !validName.MatchString(name) {
		return item{}, errors.New("bad name")
	}
	sum := sha256.Sum256([]byte(name))
	it := item{ID: hex.EncodeToString(sum[:8]), Name: name, Tags: tags, Created: time.Now().UTC()}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[it.ID] = it
	return it, nil
}

func (s *store) list() []item {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]item, 0, len(s.items))
	for _, it := range s.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		h.ServeHTTP(gzipWriter{w, gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	upstream := flag.String("upstream", "", "optional HTTPS URL to probe at start")
	check := flag.Bool("check", false, "print a line and exit")
	flag.Parse()
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if *check {
		fmt.Println("service ok")
		return
	}
	s := &store{items: map[string]item{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.list())
	})
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Name string   `json:"name"`
			Tags []string `json:"tags"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		it, err := s.put(in.Name, in.Tags)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(it)
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) { _ = page.Execute(w, s.list()) })
	if *upstream != "" {
		client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
		if resp, err := client.Get(*upstream); err == nil {
			resp.Body.Close()
			log.Info("upstream reachable", "status", resp.StatusCode)
		}
	}
	srv := &http.Server{Addr: *addr, Handler: gzipped(mux), ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	log.Info("listening", "addr", *addr)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
