## ✅ Scratchpack: 6 platforms

| Platform | Binary | Linkage | Layer (gzip) | Manifest digest |
| --- | --- | --- | --- | --- |
| `linux/amd64` | 8.7 MiB | static | 3.7 MiB | `sha256:160cd39efe4e5c9d3c9416843425cad14f082b6da8d2847918ad635e27b49432` |
| `linux/arm64` | 8.1 MiB | static | 3.3 MiB | `sha256:f9d7ecec4004b0f202e43979fc4b0e3ca725372261778b80f307339808cbb8bd` |
| `linux/arm/v7` | 8.4 MiB | static | 3.5 MiB | `sha256:12cb592253d881af5a851cc7d70f4331d7157c6e17675ed8faab804556d2bb50` |
| `linux/ppc64le` | 8.6 MiB | static | 3.4 MiB | `sha256:14b81824deee60409755bf893ca12d5e14b0dafe68ee954bd4a68086511e5870` |
| `linux/s390x` | 9.0 MiB | static | 3.6 MiB | `sha256:c05fe6332f440879dc2a0a80627204ba3b2ca176f0a6319447cd33c5edc596f4` |
| `linux/riscv64` | 7.8 MiB | static | 3.4 MiB | `sha256:93375b92a7dffbd6fbad99c48aea3f9c1ce66ff527396956ce596863d44847cd` |

**Index digest:** `sha256:2334f67499db34bd60976ff74fa31a8c3e746911d0e9dfdeb4d3ef96418ba077`

**OCI layout:** `/tmp/scratchpack-bench-Ls0EnW/scratchpack/oci` (`oci:/tmp/scratchpack-bench-Ls0EnW/scratchpack/oci:latest`)

**Image:** `127.0.0.1:41023/bench/px@sha256:2334f67499db34bd60976ff74fa31a8c3e746911d0e9dfdeb4d3ef96418ba077`

**Pushed:** `127.0.0.1:41023/bench/px:latest`

**Blobs:** 12 uploaded, 0 already present, 0 mounted · 20.8 MiB sent · 8 manifests · 0 retries

**Created:** epoch 1700000000 (from input)

**Time:** prepare 0.07 s · build, inspect, assemble, upload blobs (6 targets, pipelined) 2.54 s · write layout 0.04 s · push 0.02 s

<details><summary>Go build info</summary>

- `linux/amd64`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=amd64` `GOOS=linux` `GOAMD64=v1`
- `linux/arm64`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=arm64` `GOOS=linux` `GOARM64=v8.0`
- `linux/arm/v7`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=arm` `GOOS=linux` `GOARM=7`
- `linux/ppc64le`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=ppc64le` `GOOS=linux` `GOPPC64=power8`
- `linux/s390x`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=s390x` `GOOS=linux`
- `linux/riscv64`: go1.26.8; `-buildmode=exe` `-trimpath=true` `CGO_ENABLED=0` `GOARCH=riscv64` `GOOS=linux` `GORISCV64=rva20u64`

</details>

