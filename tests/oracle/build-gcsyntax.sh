#!/usr/bin/env bash
# Builds the gcsyntax oracle into $BUILD/oracle/gcsyntax (only when missing or stale) and
# prints its path. gc's parser lives in cmd/compile/internal/syntax, which no outside program
# may import, so its non-test sources are copied from the installed toolchain's GOROOT into a
# scratch module under $BUILD/oracle/gcsyntax.mod next to tests/oracle/gcsyntax/*.go.
# Usage: tests/oracle/build-gcsyntax.sh   (env: GO, BUILD)
set -eu
GO=${GO:-go}
srcdir=$(cd "$(dirname "$0")" && pwd)/gcsyntax
out=${BUILD:?}/oracle/gcsyntax
mod=$BUILD/oracle/gcsyntax.mod
stale=0
[ -x "$out" ] || stale=1
for f in "$srcdir"/*.go; do [ "$f" -nt "$out" ] && stale=1; done
if [ $stale = 0 ]; then echo "$out"; exit 0; fi
goroot=$("$GO" env GOROOT)
ver=$("$GO" env GOVERSION | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/')
rm -rf "$mod"; mkdir -p "$mod/syntax"
for f in "$goroot"/src/cmd/compile/internal/syntax/*.go; do
	case "$f" in *_test.go) continue ;; esac
	cp "$f" "$mod/syntax/"
done
printf 'module gcsyntax\n\ngo %s\n' "$ver" > "$mod/go.mod"
cp "$srcdir"/*.go "$mod/"
(cd "$mod" && GOFLAGS= GO111MODULE=on "$GO" build -o "$out.tmp" .)
mv "$out.tmp" "$out"
echo "$out"
