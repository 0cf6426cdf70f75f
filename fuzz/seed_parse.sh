#!/usr/bin/env bash
# Seeds for fuzz_parse: the golden files, std sources (small ones, so the fuzzer's 64 KiB cap
# keeps them whole) and the compiler's syntax tests (many are syntax errors on purpose).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
goroot=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
ls "$here"/tests/parse-golden/*.go
find "$goroot/test/syntax" -type f -name '*.go' | sort
find "$goroot/src" -type f -name '*.go' -size -12k | sort | awk 'NR % 5 == 0'
find "$goroot/test" -type f -name '*.go' -size -8k | sort | awk 'NR % 10 == 0'
