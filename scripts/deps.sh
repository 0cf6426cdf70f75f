#!/usr/bin/env bash
# Installs, through the OS package manager, what gomem's build and tests need when it is missing.
#   gcc/make          the build; gcc is also cgo's C compiler for tests/types-cgo
#   clang, libclang-rt-14-dev   libFuzzer and the ASan/UBSan build
#   zlib1g-dev        gzip-compressed pprof profiles
#   libcurl4-openssl-dev        'gomem watch' fetches /debug/pprof over HTTP
#   libgmp-dev        arbitrary-precision untyped constants in the type checker
#   python3, bc       test comparisons with pprof's output; benchmark arithmetic
#   golang-github-google-uuid-dev, golang-golang-x-sync-dev
#                     real libraries in /usr/share/gocode for the loader's GOPATH-mode test
#   time              GNU /usr/bin/time: peak memory in the benchmarks
# The Go toolchain (the tests' oracle) is expected at `go env GOROOT` (/usr/local/go here).
set -eu
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for p in gcc make clang libclang-rt-14-dev zlib1g-dev libcurl4-openssl-dev libgmp-dev time python3 bc \
	golang-github-google-uuid-dev golang-golang-x-sync-dev; do
	have_pkg "$p" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "deps: installing ${need[*]}"
	SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
	echo "deps: warning: no Go toolchain found; the differential tests need one (go env GOROOT)" >&2
fi
