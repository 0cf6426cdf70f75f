#!/usr/bin/env bash
# Golden dumps of tricky constructs (generic ambiguities, statements of every form, comment
# grouping, CRLF): each NAME.dump was produced by go/parser (tests/oracle/astdump), never by
# gomem; gomem parse -dump NAME.go must print it byte for byte. Regenerate with
#   tests/oracle/astdump/… NAME.go > NAME.dump   (see tests/oracle/build.sh astdump)
set -u
: "${GOMEM:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$TESTS"/parse-golden/*.go; do
	name=parse-golden/$(basename "$f" .go)
	if ! "$GOMEM" parse -dump "$f" > "$tmp/got" 2> "$tmp/err"; then
		echo "FAIL $name: exit $?: $(head -3 "$tmp/err" | tr '\n' ' ')"
	elif cmp -s "${f%.go}.dump" "$tmp/got"; then
		echo "ok $name"
	else
		echo "FAIL $name: dump differs from go/parser's: $(diff "${f%.go}.dump" "$tmp/got" | head -6 | tr '\n' ' ')"
	fi
done
