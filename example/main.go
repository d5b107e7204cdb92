// Command hello is Scratchpack's bundled example: a tiny HTTP service that
// also answers `hello -check`, so tests can run it under qemu and see it work.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
)

func describe() string {
	version := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		version = bi.GoVersion
	}
	return fmt.Sprintf("hello from %s/%s (uid %d, %s)", runtime.GOOS, runtime.GOARCH, os.Getuid(), version)
}

func main() {
	check := flag.Bool("check", false, "print a line and exit")
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	if *check {
		fmt.Println(describe())
		return
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, describe())
	})
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	log.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
