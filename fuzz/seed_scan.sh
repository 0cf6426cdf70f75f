#!/usr/bin/env bash
# Seeds for fuzz_scan: the scanner's error cases, then std sources of every kind (small
# files first, so the 64 KiB cap of the fuzzer keeps most of them whole).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
goroot=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
ls "$here"/tests/scanner/errors/*.src
find "$goroot/src" -type f -name '*.go' -size -16k | sort | awk 'NR % 4 == 0'
find "$goroot/test" -type f -name '*.go' -size -8k | sort | awk 'NR % 8 == 0'
