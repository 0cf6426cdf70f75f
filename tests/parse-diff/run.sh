#!/usr/bin/env bash
# The differential test of the parser: `gomem parse -dump` against go/parser (the astdump
# oracle, docs/ast-dump.md) on every .go file of $GOROOT/src outside testdata directories.
# Every file must dump byte-identically; the figure printed is files identical / total.
# The comparison runs in the oracle (astdump -diff), which feeds gomem batches of files and
# compares per file in memory (the dumps of std weigh ~650 MB: nothing goes to disk).
set -u
: "${GOMEM:?}" "${BUILD:?}" "${GO:=go}"
GOROOT_ORACLE=${GOROOT_ORACLE:-$("$GO" env GOROOT)}
if ! "$GOMEM" parse --help > /dev/null 2>&1; then
	echo "skip parse-diff: this gomem has no parse command"; exit 0
fi
oracle=$("$TESTS/oracle/build.sh" astdump) || { echo "FAIL parse-diff/oracle: cannot build tests/oracle/astdump"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The example of docs/ast-dump.md: the oracle must print exactly the document's dump (this
# keeps the document and the oracle in step), and so must gomem.
doc=$TESTS/../docs/ast-dump.md
awk '/^```go$/{f=1;next} f&&/^```$/{exit} f' "$doc" > "$tmp/example.go"
awk '/^```go$/{g=1} g&&/^```$/&&!seen{seen=1;next} seen&&/^```$/{if(f)exit; f=1;next} f' "$doc" > "$tmp/example.want"
"$oracle" "$tmp/example.go" > "$tmp/example.oracle" 2>&1
if [ -s "$tmp/example.want" ] && cmp -s "$tmp/example.want" "$tmp/example.oracle"; then
	echo "ok parse-diff/doc-example-oracle"
else
	echo "FAIL parse-diff/doc-example-oracle: astdump's output differs from docs/ast-dump.md's example: $(diff "$tmp/example.want" "$tmp/example.oracle" | head -5 | tr '\n' ' ')"
fi
"$GOMEM" parse -dump "$tmp/example.go" > "$tmp/example.got" 2>&1
if cmp -s "$tmp/example.want" "$tmp/example.got"; then
	echo "ok parse-diff/doc-example"
else
	echo "FAIL parse-diff/doc-example: gomem parse -dump differs from docs/ast-dump.md's example: $(diff "$tmp/example.want" "$tmp/example.got" | head -5 | tr '\n' ' ')"
fi

# A small file first, so that a plain breakage shows up as its own clear failure.
cat > "$tmp/small.go" <<'GO'
package p

// F doubles.
func F(x int) int { return x * 2 }
GO
if "$oracle" -diff "$GOMEM" -show 1 "$tmp/small.go" > "$tmp/out" 2>&1; then
	echo "ok parse-diff/small"
else
	echo "FAIL parse-diff/small: $(tail -n +2 "$tmp/out" | head -8 | tr '\n' ' ')"
fi

# Several files: the "==> FILE" header rule.
cp "$tmp/small.go" "$tmp/small2.go"
"$oracle" "$tmp/small.go" "$tmp/small2.go" > "$tmp/want" 2>&1
if "$GOMEM" parse -dump "$tmp/small.go" "$tmp/small2.go" > "$tmp/got" 2>&1 && cmp -s "$tmp/want" "$tmp/got"; then
	echo "ok parse-diff/headers"
else
	echo "FAIL parse-diff/headers: gomem parse -dump A B differs from the oracle: $(diff "$tmp/want" "$tmp/got" | head -4 | tr '\n' ' ')"
fi

# Hand-written corners std does not reach (every statement and literal form, CRLF files,
# a BOM, //line directives, comment groups, generics, explicit semicolons, Unicode names).
for f in "$TESTS"/parse-diff/cases/*.go; do
	name=parse-diff/cases/$(basename "$f" .go)
	if "$oracle" -diff "$GOMEM" -show 1 "$f" > "$tmp/out" 2>&1; then
		echo "ok $name"
	else
		echo "FAIL $name: $(tail -n +2 "$tmp/out" | head -8 | tr '\n' ' ')"
	fi
done

# All of std.
find "$GOROOT_ORACLE/src" -name testdata -prune -o -name '*.go' -type f -print | LC_ALL=C sort > "$tmp/list"
batch=400; [ "${SANITIZER:-}" = 1 ] && batch=100
if "$oracle" -diff "$GOMEM" -batch $batch -show 15 -list "$tmp/list" > "$tmp/out" 2>&1; then
	echo "ok parse-diff/std: $(head -1 "$tmp/out")"
else
	echo "FAIL parse-diff/std: $(head -1 "$tmp/out")"
	tail -n +2 "$tmp/out" | head -120 | sed 's/^/    /'
fi

# The compiler's test tree ($GOROOT/test): odd but valid syntax. Files gc's parser or
# go/parser rejects are left to tests/parse-errors.
gcsyntax=$("$TESTS/oracle/build-gcsyntax.sh") || { echo "FAIL parse-diff/oracle: cannot build tests/oracle/gcsyntax"; exit 0; }
find "$GOROOT_ORACLE/test" -name '*.go' -type f | LC_ALL=C sort > "$tmp/tlist"
"$gcsyntax" -nobranches -list "$tmp/tlist" 2>/dev/null | sed -n 's/: ok$//p' > "$tmp/tlist.ok"
if "$oracle" -diff "$GOMEM" -batch $batch -show 15 -list "$tmp/tlist.ok" > "$tmp/out" 2>&1; then
	echo "ok parse-diff/gotest: $(head -1 "$tmp/out")"
else
	echo "FAIL parse-diff/gotest: $(head -1 "$tmp/out")"
	tail -n +2 "$tmp/out" | head -120 | sed 's/^/    /'
fi
