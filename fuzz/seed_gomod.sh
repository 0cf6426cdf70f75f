#!/usr/bin/env bash
# Seeds: the go.mod files of the Go tree and of the loader's fixtures.
root=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
here=$(cd "$(dirname "$0")/.." && pwd)
find "$root/src" "$here/tests/load/fixtures" -name go.mod -o -name go.work 2>/dev/null | head -500
