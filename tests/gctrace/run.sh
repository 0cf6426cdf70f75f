#!/usr/bin/env bash
# gomem gctrace against real GODEBUG=gctrace=1 logs: the oracle program (tests/oracle/gcleak)
# retains memory at a known rate (or not at all) while churning garbage, and prints lines of
# its own into the same stream.
#
# Tolerance for the leaking run: it retains RATE MiB/s exactly (topped up to rate*elapsed at
# every step), i.e. 60*RATE MB/min in the runtime's MB (2^20 bytes). What blurs the figure:
# gctrace prints whole MB (truncated), an error under 1 MB per point against a fitted rise of
# 0.8*3 s*5 MiB/s = 12 MB (about 8% for one point at an end, far less for a least-squares fit
# over ~30 cycles); the last step's top-up and the garbage block live at the GC are under
# 0.3 MB. Measured on this machine: 302-304 MB/min for 300. Accepted: within 15%.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$BUILD/gctrace-test
mkdir -p "$out" "$BUILD/oracle"
ok() { echo "ok gctrace/$1"; }
fail() { echo "FAIL gctrace/$1: $2"; }
skip() { echo "skip gctrace/$1: $2"; }
src=$root/tests/oracle/gcleak
bin=$BUILD/oracle/gcleak
if [ ! -x "$bin" ] || [ "$src/main.go" -nt "$bin" ]; then
	(cd "$src" && GOTOOLCHAIN=local "$GO" build -o "$bin" .) || { fail build "oracle does not build"; exit 0; }
fi
# field NAME FILE: a number or string field of gomem's JSON object
field() { grep -o "\"$1\":[^,}]*" "$2" | head -1 | cut -d: -f2 | tr -d '"'; }
# within X LO HI
within() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }

RATE=5
SECS=3
# both runs at once: they sleep most of the time, and there are 2 cores
GODEBUG=gctrace=1 "$bin" -rate $RATE -secs $SECS 2>"$out/leak.log" &
p1=$!
GODEBUG=gctrace=1 "$bin" -rate 0 -secs $SECS 2>"$out/steady.log" &
p2=$!
wait $p1 $p2

want=$((RATE * 60))
"$GOMEM" gctrace -json -svg "$out/leak.svg" "$out/leak.log" >"$out/leak.json" 2>"$out/leak.err"
rc=$?
v=$(field verdict "$out/leak.json"); s=$(field slope_mb_per_min "$out/leak.json")
if [ $rc = 1 ] && [ "$v" = growing ] && within "$s" $((want * 85 / 100)) $((want * 115 / 100)); then
	ok "go1.26/leak (slope $s MB/min, retained $want MB/min)"
else fail go1.26/leak "status $rc, verdict $v, slope $s (want growing, $want MB/min +-15%)"; fi
[ "$(field foreign_lines "$out/leak.json")" -ge 1 ] 2>/dev/null && ok go1.26/leak-foreign-lines ||
	fail go1.26/leak-foreign-lines "the program's own lines were not counted as skipped"

"$GOMEM" gctrace -json "$out/steady.log" >"$out/steady.json" 2>"$out/steady.err"
rc=$?
v=$(field verdict "$out/steady.json"); s=$(field slope_mb_per_min "$out/steady.json")
if [ $rc = 0 ] && [ "$v" = steady ] && within "$s" -5 5; then ok "go1.26/steady (slope $s MB/min)"
else fail go1.26/steady "status $rc, verdict $v, slope $s"; fi

# stdin, and text output
"$GOMEM" gctrace - <"$out/leak.log" >"$out/leak.txt" 2>&1
grep -q '^verdict: growing, [0-9.]* MB/min' "$out/leak.txt" && ok stdin-text || fail stdin-text "$(tail -1 "$out/leak.txt")"

# a gzip-compressed log (logrotate), whole and cut short
gzip -c "$out/leak.log" >"$out/leak.log.gz"
"$GOMEM" gctrace -json "$out/leak.log.gz" >"$out/gz.json" 2>/dev/null
[ "$(field slope_mb_per_min "$out/gz.json")" = "$(field slope_mb_per_min "$out/leak.json")" ] && ok gzip || fail gzip "$(head -c 200 "$out/gz.json")"
head -c 600 "$out/leak.log.gz" >"$out/trunc.log.gz"
"$GOMEM" gctrace "$out/trunc.log.gz" >/dev/null 2>"$out/trgz.err"; rc=$?
[ $rc = 1 ] && grep -q 'gzip stream truncated' "$out/trgz.err" && ok bad/truncated-gzip || fail bad/truncated-gzip "status $rc"

# foreign text on the same line as gc lines (unbuffered writes of two writers interleave)
awk 'NR % 3 == 0 { printf "worker 7: flushed 12 items; " } { print }' "$out/leak.log" >"$out/mixed.log"
"$GOMEM" gctrace -json "$out/mixed.log" >"$out/mixed.json" 2>/dev/null
[ "$(field cycles "$out/mixed.json")" = "$(field cycles "$out/leak.json")" ] &&
	[ "$(field slope_mb_per_min "$out/mixed.json")" = "$(field slope_mb_per_min "$out/leak.json")" ] &&
	ok foreign-prefix || fail foreign-prefix "cycles or slope changed: $(head -c 200 "$out/mixed.json")"

# Go 1.19 (a real log, checked in) and the pre-1.18 format without stacks/globals (from it)
F=$root/tests/gctrace/testdata
"$GOMEM" gctrace -json "$F/go1.19-leak5.log" >"$out/g119.json" 2>/dev/null
v=$(field verdict "$out/g119.json"); s=$(field slope_mb_per_min "$out/g119.json")
[ "$v" = growing ] && within "$s" 255 345 && ok "go1.19/leak (slope $s MB/min)" || fail go1.19/leak "verdict $v slope $s"
sed -E 's/, [0-9]+ MB stacks, [0-9]+ MB globals//' "$F/go1.19-leak5.log" >"$out/old.log"
grep -q 'MB stacks' "$out/old.log" && fail go1.17-format "sed did not apply"
"$GOMEM" gctrace -json "$out/old.log" >"$out/old.json" 2>/dev/null
[ "$(field cycles "$out/old.json")" = "$(field cycles "$out/g119.json")" ] &&
	[ "$(field slope_mb_per_min "$out/old.json")" = "$s" ] && ok go1.17-format || fail go1.17-format "$(head -c 200 "$out/old.json")"
"$GOMEM" gctrace -json "$F/go1.26-leakcheck.log" >"$out/lc.json" 2>/dev/null
[ "$(field cycles "$out/lc.json")" = 1 ] && [ "$(field forced_cycles "$out/lc.json")" = 1 ] &&
	[ "$(field verdict "$out/lc.json")" = unknown ] && ok go1.26-leakcheck-line || fail go1.26-leakcheck-line "$(head -c 200 "$out/lc.json")"

# A heap that grew during warm-up and then levelled off is steady; so is a sawtooth
awk 'BEGIN { for (i = 1; i <= 200; i++) { t = i * 0.5; live = (t < 30 ? 10 + t : 40) + (i % 2);
	printf "gc %d @%.3fs 1%%: 0.1+1+0.1 ms clock, 0.2+0.1/1/2+0.2 ms cpu, %d->%d->%d MB, %d MB goal, 0 MB stacks, 0 MB globals, 2 P\n", i, t, 2*live, 2*live, live, 2*live } }' >"$out/plateau.log"
"$GOMEM" gctrace -json "$out/plateau.log" >"$out/plateau.json" 2>/dev/null
[ "$(field verdict "$out/plateau.json")" = steady ] && ok plateau || fail plateau "$(head -c 300 "$out/plateau.json")"

# SVG: well-formed enough to render, with the verdict in the title and the trend line drawn
if grep -q '<svg' "$out/leak.svg" && grep -q '</svg>' "$out/leak.svg" && grep -q 'growing (+' "$out/leak.svg" &&
	grep -q 'stroke-dasharray' "$out/leak.svg" && grep -q 'heap (MB)' "$out/leak.svg"; then ok svg; else fail svg "missing parts"; fi
if command -v rsvg-convert >/dev/null; then
	rsvg-convert -o "$out/leak.png" "$out/leak.svg" 2>"$out/rsvg.err" && [ -s "$out/leak.png" ] && ok svg-renders ||
		fail svg-renders "$(head -2 "$out/rsvg.err")"
else
	skip svg-renders "no rsvg-convert (librsvg2-bin) to render it"
fi

# Bad input
bad() { # NAME WANT_STATUS FILE PATTERN
	timeout 20 "$GOMEM" gctrace "$3" >"$out/bad.out" 2>"$out/bad.err"
	local rc=$?
	if [ $rc = "$2" ] && grep -qi -- "$4" "$out/bad.err" "$out/bad.out"; then ok "bad/$1"
	else fail "bad/$1" "status $rc: $(head -2 "$out/bad.err" | tr '\n' ' ')"; fi
}
head -c 200000 /dev/urandom >"$out/garbage.bin"
bad garbage 1 "$out/garbage.bin" "no gctrace lines"
: >"$out/empty.log"
bad empty 1 "$out/empty.log" "no gctrace lines"
bad missing 2 "$out/nope.log" "no such file"
bad directory 2 "$out" "directory"
head -2 "$out/leak.log" >"$out/two.log"
bad too-few 1 "$out/two.log" "too few"
grep '^gc ' "$out/leak.log" >"$out/gconly.log"
head -c "$(( $(wc -c <"$out/gconly.log") - 100 ))" "$out/gconly.log" >"$out/trunc.log"
timeout 20 "$GOMEM" gctrace "$out/trunc.log" >/dev/null 2>"$out/trunc.err"; rc=$?
[ $rc = 1 ] && grep -q 'ends in the middle' "$out/trunc.err" && ok bad/truncated || fail bad/truncated "status $rc: $(head -1 "$out/trunc.err")"
cat "$out/steady.log" "$out/leak.log" >"$out/two-runs.log"
"$GOMEM" gctrace -json "$out/two-runs.log" >"$out/two-runs.json" 2>"$out/two-runs.err"
grep -q 'holds 2 runs' "$out/two-runs.err" && [ "$(field verdict "$out/two-runs.json")" = growing ] && ok two-runs ||
	fail two-runs "$(head -1 "$out/two-runs.err")"
printf 'gc 1 @\ngc 2 @1.0s 0%%: x\ngc 99999999999999999999999 @1e308s 0%%: 1->2->3 MB\ngc 3 @2s 0%%: 9->9->%s MB\n' \
	"$(head -c 5000 /dev/zero | tr '\0' '9')" >"$out/weird.log"
timeout 20 "$GOMEM" gctrace "$out/weird.log" >/dev/null 2>&1; rc=$?
[ $rc -le 1 ] && ok bad/weird-fields || fail bad/weird-fields "status $rc"
"$GOMEM" gctrace -svg /nonexistent-dir/x.svg "$out/leak.log" >/dev/null 2>"$out/svg.err"; rc=$?
[ $rc = 2 ] && grep -q 'cannot write' "$out/svg.err" && ok bad/svg-unwritable-path || fail bad/svg-unwritable-path "status $rc"
exit 0
