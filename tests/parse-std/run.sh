#!/usr/bin/env bash
# Every .go file of $GOROOT/src outside testdata directories must parse without an error
# (exit 0, nothing on stderr): the parser accepts all of the standard library and the tools.
set -u
: "${GOMEM:?}" "${GO:=go}"
GOROOT_ORACLE=${GOROOT_ORACLE:-$("$GO" env GOROOT)}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$GOROOT_ORACLE/src" -name testdata -prune -o -name '*.go' -type f -print > "$tmp/list"
n=$(wc -l < "$tmp/list")
xargs -a "$tmp/list" -s 500000 "$GOMEM" parse > /dev/null 2> "$tmp/err"
rc=$?
if [ $rc = 0 ] && [ ! -s "$tmp/err" ]; then
	echo "ok parse-std/all: $n files"
else
	echo "FAIL parse-std/all: exit $rc on $n files: $(grep -c . "$tmp/err") error lines, first: $(head -3 "$tmp/err" | tr '\n' ' ')"
fi
# -stats prints its figures line.
"$GOMEM" parse -stats "$GOROOT_ORACLE/src/fmt/print.go" > /dev/null 2> "$tmp/stats"
if grep -q '^parse: 1 files, [0-9]* bytes' "$tmp/stats"; then
	echo "ok parse-std/stats"
else
	echo "FAIL parse-std/stats: $(head -2 "$tmp/stats" | tr '\n' ' ')"
fi
# gc's label and branch checks accept all of it too.
xargs -a "$tmp/list" -s 500000 "$GOMEM" parse -branches > /dev/null 2> "$tmp/err"
rc=$?
if [ $rc = 0 ] && [ ! -s "$tmp/err" ]; then
	echo "ok parse-std/branches"
else
	echo "FAIL parse-std/branches: exit $rc: $(head -3 "$tmp/err" | tr '\n' ' ')"
fi
