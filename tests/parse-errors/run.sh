#!/usr/bin/env bash
# Syntax-error tests of `gomem parse`. Every expectation is checked against the oracles at
# test time (gc's own parser, built from GOROOT as tests/oracle/gcsyntax, and go/parser as
# gofmt -e runs it), never copied from gomem's output.
#   cases/     hand-written error cases: `// ERROR "rx"` on the line gc reports, or
#              `// ERROR-LINE N "rx"` where the line cannot hold a comment
#   gen/       generated at run time: deep nesting, a binary file, a 20 MB string literal,
#              a 100 MB file (same checks as cases/)
#   stress/    valid but extreme inputs: gomem must not crash (exit 0, or 1 with a position)
#   gotest/    $GOROOT/test errorcheck files that gc's parser rejects: gomem must reject each,
#              first error on an `// ERROR` line or on gc's first error line
#   mutants/   deterministic mutants of std files (tests/oracle/mutate): verdict agreement
#              with go/parser, first-error-line agreement printed
set -u
: "${GOMEM:?}" "${BUILD:?}" "${GO:=go}" "${TESTS:?}"
GOROOT_ORACLE=${GOROOT_ORACLE:-$("$GO" env GOROOT)}
if ! "$GOMEM" parse --help > /dev/null 2>&1; then
	echo "skip parse-errors: this gomem has no parse command"; exit 0
fi
gcsyntax=$("$TESTS/oracle/build-gcsyntax.sh") || { echo "FAIL parse-errors/oracle: cannot build tests/oracle/gcsyntax"; exit 0; }
mutate=$("$TESTS/oracle/build.sh" mutate) || { echo "FAIL parse-errors/oracle: cannot build tests/oracle/mutate"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# --- cases/ -----------------------------------------------------------------------------------
"$gcsyntax" -cases "$GOMEM" -prefix parse-errors/cases/ "$TESTS"/parse-errors/cases/*.go

# --- gen/ -------------------------------------------------------------------------------------
g=$tmp/gen; mkdir -p "$g"
rep() { head -c "$2" /dev/zero | tr '\0' "$1"; }   # rep CHAR COUNT
{ printf '// ERROR-LINE 3 "."\npackage p\nvar x = '; rep '(' 200000; } > "$g/deep_parens_unclosed.go"
{ printf '// ERROR-LINE 3 "unexpected EOF|exceeded max nesting depth"\npackage p\nfunc f() '; rep '{' 200000; } > "$g/deep_braces_unclosed.go"
{ printf '// ERROR-LINE 3 "."\npackage p\nvar x '; rep '[' 200000; } > "$g/deep_brackets_unclosed.go"
# A binary file: the head of the go command's executable; its expectation sits on a line of
# its own after the binary bytes (gc reports the first error on line 1).
head -c 65536 "$GOROOT_ORACLE/bin/go" > "$g/binary.go"; printf '\n// ERROR-LINE 1 "."\n' >> "$g/binary.go"
{ printf '// ERROR-LINE 4 "non-declaration statement outside function body"\npackage p\nvar s = "'; rep a 20971520; printf '"\nx := 1\n'; } > "$g/string_20mb_then_error.go"
{ printf '// ERROR-LINE 3 "newline in string"\npackage p\nvar s = "'; rep a 20971520; printf '\nvar t = 1\n'; } > "$g/string_20mb_unterminated.go"
{ printf '// ERROR-LINE 3 "string not terminated"\npackage p\nvar s = `'; rep b 20971520; } > "$g/raw_20mb_unterminated.go"
# 100 MB: a million lines of 101 bytes (declarations with a call, literals, a comment), then
# an error on the last line.
n=1000000
line="var _ = f(x, \"$(rep a 70)\", 'b', 1.5) // c"
{ printf '// ERROR-LINE %d "non-declaration statement outside function body"\npackage p\n' $((n + 3))
  yes "$line" | head -n $n; printf 'x := 1\n'; } > "$g/file_100mb.go"
"$gcsyntax" -cases "$GOMEM" -prefix parse-errors/gen/ "$g"/*.go
rm -f "$g"/*

# --- stress/ ----------------------------------------------------------------------------------
s=$tmp/stress; mkdir -p "$s"
{ printf 'package p\nvar x = '; rep '(' 200000; printf x; rep ')' 200000; printf '\n'; } > "$s/deep_parens_balanced.go"
{ printf 'package p\nfunc f() '; rep '{' 200000; rep '}' 200000; printf '\n'; } > "$s/deep_blocks_balanced.go"
{ printf 'package p\nvar x = '; rep '!' 200000; printf 'x\n'; } > "$s/deep_unary.go"
{ printf 'package p\nvar x '; rep '*' 200000; printf 'int\n'; } > "$s/deep_pointers.go"
{ printf 'package p\nvar x = 1'; yes ' + 1' | head -n 200000 | tr -d '\n'; printf '\n'; } > "$s/long_binary_chain.go"
{ printf 'package p\nvar x = f'; yes '(1)' | head -n 200000 | tr -d '\n'; printf '\n'; } > "$s/long_call_chain.go"
{ printf 'package p\nvar x = a'; yes '.b' | head -n 200000 | tr -d '\n'; printf '\n'; } > "$s/long_selector_chain.go"
printf '' > "$s/empty.go"
printf '\xef\xbb\xbfpackage p\n' > "$s/bom_start.go"
# A 200,000-term chain is valid and 200,000 levels deep in the AST: its dump is quadratic in
# size (two spaces of indentation per level), so only the parse itself runs on the chains.
for f in "$s"/*.go; do
	name=parse-errors/stress/$(basename "$f" .go)
	why=
	modes="plain dump"
	case $f in *_chain.go) modes=plain ;; esac
	for m in $modes; do
		mode=; [ $m = dump ] && mode=-dump
		timeout 60 "$GOMEM" parse $mode "$f" > /dev/null 2> "$tmp/err"; rc=$?
		grep -q -E 'runtime error:|Sanitizer' "$tmp/err" && rc=99   # UBSan may exit with 1
		case $rc in
		0) ;;
		1) grep -q "^$f:[0-9]*:[0-9]*: " "$tmp/err" || why="$why; parse $mode: exit 1 without a FILE:LINE:COL message: $(head -c 200 "$tmp/err")" ;;
		*) why="$why; parse $mode: exit status $rc: $(tail -c 300 "$tmp/err" | tr '\n' ' ')" ;;
		esac
	done
	if [ -z "$why" ]; then echo "ok $name"; else echo "FAIL $name: ${why#; }"; fi
done
rm -f "$s"/*

# --- gotest/ ----------------------------------------------------------------------------------
# Explained exceptions: BASENAME REASON (files where gomem's first error is on neither an
# ERROR line nor gc's first error line, for a stated reason).
cat > "$tmp/gotest.except" <<'EXC'
EXC
find "$GOROOT_ORACLE/test" -name '*.go' -type f | LC_ALL=C sort > "$tmp/gotest.list"
"$gcsyntax" -gotest "$GOMEM" -prefix parse-errors/gotest/ -root "$GOROOT_ORACLE/test" -except "$tmp/gotest.except" -list "$tmp/gotest.list"

# --- mutants/ ---------------------------------------------------------------------------------
# Explained exceptions: where go/parser (gofmt -e) and gc's parser disagree, gomem may side
# with either. Each class: WHO (goparser-only: go/parser alone rejects; gc-only: gc alone
# rejects), the regexp of that parser's message, and why the two differ.
cat > "$tmp/mutants.except" <<'EXC'
gc-only        cannot.declare.in.post.statement            go/parser leaves a declaration in a for post statement to go/types
gc-only        label.*defined.and.not.used|not.in.a.loop   label and branch checks: gc's parser does them, go/parser leaves them to go/types
goparser-only  expression.in.(go|defer).must.be.function.call   gc's parser accepts any expression there and leaves it to types2
goparser-only  exceeded.max.nesting.depth                  go/parser stops at 100,000 nested levels, gc has no limit
gc-only        method.has.multiple.receivers|invalid.use.of   receiver lists: gc's parser checks them, go/parser leaves them to go/types
gc-only        invalid.variable.name|cannot.use.*as.value  a type switch guard's left side: gc's parser checks it, go/parser leaves it to go/types
goparser-only  expected.1.expression                       go/parser checks the lengths of range/assignment lists, gc's types2 does
EXC
find "$GOROOT_ORACLE/src" -name testdata -prune -o -name '*.go' -type f -print | LC_ALL=C sort > "$tmp/std.list"
nmut=300; [ "${SANITIZER:-}" = 1 ] && nmut=100
"$mutate" -list "$tmp/std.list" -out "$tmp/mut" -n $nmut -seed 1 > "$tmp/mut.list" || echo "FAIL parse-errors/mutants: mutate failed"
"$gcsyntax" -mutants "$GOMEM" -prefix parse-errors/mutants/ -except "$tmp/mutants.except" -showlines 5 -list "$tmp/mut.list"
# The mutants that are still valid Go must also dump as go/parser's tree.
astdump=$("$TESTS/oracle/build.sh" astdump) || { echo "FAIL parse-errors/oracle: cannot build tests/oracle/astdump"; exit 0; }
"$astdump" -errors -list "$tmp/mut.list" 2>/dev/null | sed -n 's/: ok$//p' > "$tmp/mut.ok"
if "$astdump" -diff "$GOMEM" -show 10 -list "$tmp/mut.ok" > "$tmp/out" 2>&1; then
	echo "ok parse-errors/mutants/valid-dump: $(head -1 "$tmp/out")"
else
	echo "FAIL parse-errors/mutants/valid-dump: $(head -1 "$tmp/out")"
	tail -n +2 "$tmp/out" | head -60 | sed 's/^/    /'
fi
