#!/usr/bin/env bash
# What the checker leaves for escape analysis (docs/types.md, "Expression types and variable
# facts"), checked three ways:
#   - `gomem types -types` against go/types' Info.Types (tests/oracle/typesdump -types): one
#     line per expression, mode, type and constant value;
#   - `gomem types -facts` against the same rules computed from go/ast + go/types
#     (typesdump -facts): functions, closures, captured variables, address taken, reassigned;
#   - the capture decisions against gc itself: `go build -gcflags='-m=2 -l'` prints, per
#     closure variable, "capturing by value|ref: x (addr=.. assign=.. width=..)"; the
#     multiset of (variable position, name, decision, addr, assign, width) must agree.
# Hand-written cases must agree 100%; the std figures have floors measured on this checker and
# a cap on wrong lines (a line gomem prints that go/types does not).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types-info: no Go toolchain"; exit 0; fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=
unset GOOS GOARCH GOEXPERIMENT GOWORK GO111MODULE
work=$BUILD/types-info-test
mkdir -p "$work" "$BUILD/oracle"
bin=$BUILD/oracle/typesdump
if [ ! -x "$bin" ] || [ "$root/tests/oracle/typesdump/main.go" -nt "$bin" ]; then
	(cd "$root/tests/oracle/typesdump" && "$GO" build -o "$bin" main.go) ||
		{ echo "FAIL types-info/oracle: go build failed"; exit 0; }
fi

# oracle_out OUT DIR ARGS...: cached until the oracle is rebuilt
oracle_out() {
	local out=$1 dir=$2
	shift 2
	if [ -s "$out" ] && [ "$out" -nt "$bin" ]; then return 0; fi
	(cd "$dir" && "$bin" "$@" >"$out.tmp" 2>"$out.err") && mv "$out.tmp" "$out"
}

# agree NAME WANT GOT FLOOR MAXWRONG [sort flags]: ok/FAIL with the figures
agree() {
	local name=$1 want=$2 got=$3 floor=$4 maxwrong=$5 uniq=${6:--u}
	sort $uniq "$want" >"$want.s"
	sort $uniq "$got" >"$got.s"
	local n a w pct
	n=$(wc -l <"$want.s")
	a=$(comm -12 "$want.s" "$got.s" | wc -l)
	w=$(comm -13 "$want.s" "$got.s" | wc -l)
	if [ "$n" -eq 0 ]; then echo "FAIL types-info/$name: the oracle printed nothing"; return; fi
	pct=$(awk -v a="$a" -v n="$n" 'BEGIN { printf "%.3f", 100 * a / n }')
	local msg="$a/$n lines agree ($pct%), $w wrong (floor $floor%, max wrong $maxwrong)"
	if awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 < f + 0) }' || [ "$w" -gt "$maxwrong" ]; then
		echo "FAIL types-info/$name: $msg; first differences:"
		diff "$want.s" "$got.s" | grep '^[<>]' | head -8 | sed 's/^/    /'
	else
		echo "ok types-info/$name: $msg"
	fi
}

# hand-written packages: -types and -facts agree 100%
for d in "$root"/tests/types-dump/cases/*/ "$here"/cases/*/; do
	c=$(basename "$d")
	for mode in types facts; do
		(cd "$d" && "$bin" -$mode . >"$work/$c.$mode.want" 2>"$work/$c.$mode.want.err")
		if [ -s "$work/$c.$mode.want.err" ]; then echo "FAIL types-info/case-$c-$mode: the oracle reports errors: $(head -2 "$work/$c.$mode.want.err")"; continue; fi
		(cd "$d" && "$GOMEM" types -$mode . >"$work/$c.$mode.got" 2>"$work/$c.$mode.got.err")
		st=$?
		if [ $st -ne 0 ]; then echo "FAIL types-info/case-$c-$mode: exit status $st: $(head -3 "$work/$c.$mode.got.err")"; continue; fi
		agree "case-$c-$mode" "$work/$c.$mode.want" "$work/$c.$mode.got" 100 0
	done
done

# invalid code (cycles, undefined names, 5,000-deep nesting): -types and -facts must not crash
bad=$work/bad
rm -rf "$bad" && mkdir -p "$bad"
printf 'module bad\ngo 1.24\n' >"$bad/go.mod"
cp "$root/tests/types-dump/bad/bad.go.txt" "$bad/bad.go"
rep() { local i; for ((i = 0; i < $2; i++)); do printf '%s' "$1"; done; }
{
	echo 'package bad'
	echo "var deep = $(rep '(' 5000)1$(rep ')' 5000)"
	echo "var deep3 = $(rep '- ' 5000)1"
	echo "var deep4 = 1$(rep '+1' 20000)"
	echo "var deep5 = $(rep 'func() int { return ' 500)1$(rep '}()' 500)"
	echo "func f(x int) { $(rep 'if x > 0 { x++; g := func() { x-- }; g() ' 800)$(rep '}' 800) }"
	echo "var deep6 = $(rep '!' 3000)(1 > 2 && 3 < 4)"
} >"$bad/deep.go"
for mode in types facts; do
	(cd "$bad" && timeout 60 "$GOMEM" types -$mode . >"$work/bad.$mode.out" 2>"$work/bad.$mode.err")
	st=$?
	if [ $st -le 1 ]; then echo "ok types-info/invalid-code-$mode: exit status $st, $(wc -l <"$work/bad.$mode.out") lines"; else echo "FAIL types-info/invalid-code-$mode: exit status $st: $(grep -m3 -e ERROR -e 'runtime error' -e . "$work/bad.$mode.err")"; fi
done

# gcform FACTS: gomem's capture lines as gc prints them (variable FILE:LINE:COL, name,
# byval/byref, addr= assign= width=), those in generic functions left out (gc compiles them
# per instantiation); their variable positions go to FACTS.generic
gcform() {
	awk -F'\t' '$2 == "capture" { n = split($1, a, ":"); p = a[1]; for (i = 2; i <= n - 2; i++) p = p ":" a[i];
		line = p ":" $5 "\t" $4 "\t" $6 "\t" $7; if ($8 == "generic") print p ":" $5 "\t" > "'"$1"'.generic"; else print line }' "$1"
}
# gcside M2OUT DIRPREFIX...: gc's capture lines of source variables in those directories
gcside() {
	local out=$1
	shift
	grep '^/' "$out" | grep ' capturing by ' |
		sed -E 's/^([^:]+:[0-9]+:[0-9]+): .* capturing by (value|ref): ([^ ]+) \((.*)\)$/\1\t\3\t\2\t\4/; s/\tvalue\t/\tbyval\t/; s/\tref\t/\tbyref\t/' |
		awk -F'\t' '$2 !~ /[.#]/' >"$out.tsv"
}
gc_compare() { # NAME M2OUT GOMEMFACTS FLOOR MAXWRONG
	local name=$1 m2=$2 facts=$3 floor=$4 maxwrong=$5
	: >"$facts.generic"
	gcform "$facts" >"$facts.gc"
	gcside "$m2"
	if [ -s "$facts.generic" ]; then grep -v -F -f "$facts.generic" "$m2.tsv" >"$m2.tsv2"; else cp "$m2.tsv" "$m2.tsv2"; fi
	agree "$name" "$m2.tsv2" "$facts.gc" "$floor" "$maxwrong" " "
}

# the hand-written case against gc
case_dir=$here/cases/exprs
(cd "$case_dir" && "$GO" build -gcflags='-m=2 -l' . >"$work/gc-case.m2" 2>&1)
sed -i "s|^\./|$case_dir/|" "$work/gc-case.m2"
gc_compare gc-case "$work/gc-case.m2" "$work/exprs.facts.got" 100 0

# std
all=$(cd "$work" && "$GO" list std 2>/dev/null | grep -v -e '^vendor/' -e '^unsafe$' -e 'cgobench')
if [ -z "$all" ]; then echo "skip types-info/std: go list std failed"; exit 0; fi
# -types on all of std: the misses are calls whose type arguments the checker does not infer
# yet (inference through core types, generic function arguments)
oracle_out "$work/std.types.want" "$work" -types $all ||
	{ echo "FAIL types-info/std-types: oracle failed: $(head -3 "$work/std.types.want.err")"; exit 0; }
(cd "$work" && "$GOMEM" types -types $all >"$work/std.types.got" 2>"$work/std.types.got.err") ||
	echo "FAIL types-info/std-types-status: exit status $?: $(head -3 "$work/std.types.got.err")"
agree std-types "$work/std.types.want" "$work/std.types.got" 99.998 1

oracle_out "$work/std.facts.want" "$work" -facts $all ||
	{ echo "FAIL types-info/std-facts: oracle failed: $(head -3 "$work/std.facts.want.err")"; exit 0; }
(cd "$work" && "$GOMEM" types -facts $all >"$work/std.facts.got" 2>"$work/std.facts.got.err") ||
	echo "FAIL types-info/std-facts-status: exit status $?: $(head -3 "$work/std.facts.got.err")"
agree std-facts "$work/std.facts.want" "$work/std.facts.got" 100 0

# gc on a sample of std (its output cached: the GOROOT does not change under a run). The one
# known difference: gc places a type switch's per-clause variable at the clause's type, go/types
# (and gomem) at the switch's symbol.
GCPKGS="strings fmt encoding/json text/template net/url net/http os/exec sync bufio io/fs go/types"
if [ ! -s "$work/gc-std.m2" ]; then
	(cd "$work" && "$GO" build -gcflags='-m=2 -l' $GCPKGS >"$work/gc-std.m2.tmp" 2>&1) && mv "$work/gc-std.m2.tmp" "$work/gc-std.m2" ||
		{ echo "FAIL types-info/gc-std: go build failed: $(grep -v '^#' "$work/gc-std.m2.tmp" | grep -v ': ' | head -3)"; exit 0; }
fi
(cd "$work" && "$GOMEM" types -facts $GCPKGS >"$work/gc-std.facts" 2>/dev/null)
gc_compare gc-std "$work/gc-std.m2" "$work/gc-std.facts" 99.8 1
