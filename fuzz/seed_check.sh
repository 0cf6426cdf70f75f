#!/usr/bin/env bash
# Seeds for fuzz_check: the checker's test packages and small std files (std imports fail in
# the fuzz target, which exercises the error paths too).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
goroot=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
ls "$here"/tests/types-dump/cases/*/*.go "$here"/tests/types-dump/errors/*.go "$here"/tests/types-dump/bad/*.txt
find "$goroot/src" -type f -name '*.go' -size -12k | sort | awk 'NR % 7 == 0'
