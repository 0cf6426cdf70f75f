#!/usr/bin/env bash
# Builds the oracle program tests/oracle/NAME into $BUILD/oracle/NAME, only when it is missing
# or older than one of its sources; prints the binary's path. The oracles use only the
# standard library and are built as a list of files, so the repository needs no go.mod.
# Usage: tests/oracle/build.sh NAME   (env: GO, BUILD)
set -eu
name=$1
src=$(cd "$(dirname "$0")" && pwd)/$name
out=${BUILD:?}/oracle/$name
mkdir -p "$BUILD/oracle"
stale=0
[ -x "$out" ] || stale=1
for f in "$src"/*.go; do [ "$f" -nt "$out" ] && stale=1; done
if [ $stale = 1 ]; then
	GOFLAGS= GO111MODULE=on "${GO:-go}" build -o "$out.tmp" "$src"/*.go
	mv "$out.tmp" "$out"
fi
echo "$out"
