#!/usr/bin/env bash
# gomem goroutines against real dumps: the oracle program (tests/oracle/goroutines) parks known
# numbers of goroutines in known functions and dumps them in every form; the checker
# (tests/oracle/goroutines/check) compares gomem's JSON with what the program is known to have
# done. Then bad input: garbage, truncation, huge lines, foreign lines, and memory on a big dump.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$BUILD/goroutines-test
mkdir -p "$out" "$BUILD/oracle"
ok() { echo "ok goroutines/$1"; }
fail() { echo "FAIL goroutines/$1: $2"; }
skip() { echo "skip goroutines/$1: $2"; }

src=$root/tests/oracle/goroutines
# build NAME [env...]: builds the oracle into $BUILD/oracle/NAME when missing or stale
build() {
	local name=$1 bin=$BUILD/oracle/$1
	shift
	if [ ! -x "$bin" ] || [ -n "$(find "$src" -name '*.go' -newer "$bin" | head -1)" ]; then
		(cd "$src" && env "$@" "$GO" build -o "$bin" .) || return 1
	fi
}
build goroutines GOTOOLCHAIN=local || { fail build "oracle does not build"; exit 0; }
if [ ! -x "$BUILD/oracle/goroutines-check" ] || [ "$src/check/main.go" -nt "$BUILD/oracle/goroutines-check" ]; then
	(cd "$src" && "$GO" build -o "$BUILD/oracle/goroutines-check" ./check) || { fail build "checker does not build"; exit 0; }
fi
G=$BUILD/oracle/goroutines
CHECK=$BUILD/oracle/goroutines-check

# expect NAME FILE CHECKFLAGS... [-- GOMEMFLAGS...]: runs gomem -json on FILE and the checker on it
expect() {
	local name=$1 file=$2
	shift 2
	local cflags=() gflags=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do cflags+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	gflags=("$@")
	local f=$out/${name//\//_}
	"$GOMEM" goroutines -json "${gflags[@]}" "$file" >"$f.json" 2>"$f.err"
	local rc=$?
	if [ $rc -gt 1 ]; then fail "$name" "exit status $rc: $(head -2 "$f.err")"; return; fi
	if "$CHECK" "${cflags[@]}" "$f.json" >"$f.check" 2>&1; then ok "$name"
	else fail "$name" "$(head -3 "$f.check" | tr '\n' ' ')"; fi
}

# Go 1.26 (the machine's toolchain): every form
"$G" -debug 2 >"$out/d2.txt" && "$G" -debug 1 >"$out/d1.txt" && "$G" -debug 0 >"$out/d0.pb.gz" ||
	fail dumps "the oracle failed"
GOTRACEBACK=all "$G" -panic 2>"$out/panic.txt" >/dev/null
# SIGQUIT: wait for "ready", then quit; the traceback (with runtime goroutines) is on stderr
rm -f "$out/ready"
GOTRACEBACK=all "$G" -wait >"$out/ready" 2>"$out/quit.txt" &
qpid=$!
for _ in $(seq 200); do grep -q ready "$out/ready" 2>/dev/null && break; sleep 0.05; done
kill -QUIT $qpid 2>/dev/null
wait $qpid 2>/dev/null

S=$src/leakpkg/leak.go
expect go1.26/debug2 "$out/d2.txt" -src "$S" -form debug=2
expect go1.26/debug2-mincount2 "$out/d2.txt" -src "$S" -form debug=2 -mincount 2 -- -min-count 2
expect go1.26/debug1 "$out/d1.txt" -src "$S" -form debug=1
expect go1.26/debug1-mincount2 "$out/d1.txt" -src "$S" -form debug=1 -mincount 2 -- -min-count 2
expect go1.26/debug0 "$out/d0.pb.gz" -src "$S" -form debug=0
expect go1.26/debug0-mincount2 "$out/d0.pb.gz" -src "$S" -form debug=0 -mincount 2 -- -min-count 2
expect go1.26/panic "$out/panic.txt" -src "$S" -form debug=2
expect go1.26/sigquit "$out/quit.txt" -src "$S" -form debug=2 -system

# Go 1.26's goroutine leak detector (GOEXPERIMENT=goroutineleakprofile): the GC proves the 42
# goroutines in leakSelect (their channels are unreachable) leaked; the others wait on globals.
if build goroutines-leak GOTOOLCHAIN=local GOEXPERIMENT=goroutineleakprofile 2>"$out/leakbuild.err"; then
	L=$BUILD/oracle/goroutines-leak
	"$L" -leak -debug 2 >"$out/l2.txt"; "$L" -leak -debug 1 >"$out/l1.txt"; "$L" -leak -debug 0 >"$out/l0.pb.gz"
	expect go1.26/leaked-debug2 "$out/l2.txt" -src "$S" -form debug=2 -leak
	expect go1.26/leaked-debug1 "$out/l1.txt" -src "$S" -form debug=1 -leak
	expect go1.26/leaked-debug0 "$out/l0.pb.gz" -src "$S" -form debug=0 -leak
else
	skip go1.26/leaked "GOEXPERIMENT=goroutineleakprofile build failed: $(head -1 "$out/leakbuild.err")"
fi

# Go 1.19: checked-in dumps from the real toolchain, and fresh ones when it is installed
F=$root/tests/goroutines/testdata/go1.19
expect go1.19/debug2 "$F/debug2.txt" -src "$F/leak.go.txt" -form debug=2 -go119
expect go1.19/debug1 "$F/debug1.txt" -src "$F/leak.go.txt" -form debug=1 -go119
expect go1.19/debug0 "$F/debug0.pb.gz" -src "$F/leak.go.txt" -form debug=0 -go119
expect go1.19/panic "$F/panic.txt" -src "$F/leak.go.txt" -form debug=2 -go119
GO119=/usr/lib/go-1.19/bin/go
if [ -x $GO119 ]; then
	b=$BUILD/oracle/goroutines-go1.19
	if [ ! -x "$b" ] || [ -n "$(find "$src" -name '*.go' -newer "$b" | head -1)" ]; then
		(cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=mod $GO119 build -o "$b" . 2>"$out/b119.err")
	fi
	if [ -x "$b" ]; then
		"$b" -debug 2 >"$out/o2.txt"; "$b" -debug 0 >"$out/o0.pb.gz"
		expect go1.19/live-debug2 "$out/o2.txt" -src "$S" -form debug=2 -go119
		expect go1.19/live-debug0 "$out/o0.pb.gz" -src "$S" -form debug=0 -go119
	else
		fail go1.19/live "build with Go 1.19 failed: $(head -1 "$out/b119.err")"
	fi
else
	skip go1.19/live "no $GO119 (apt-get install golang-1.19-go); the checked-in 1.19 dumps were checked"
fi

# The same dump through stdin, with CRLF line ends, and with the program's own output mixed in
"$GOMEM" goroutines -json - <"$out/d2.txt" >"$out/stdin.json" 2>/dev/null
"$CHECK" -src "$S" -form debug=2 "$out/stdin.json" >"$out/stdin.check" && ok stdin || fail stdin "$(head -2 "$out/stdin.check")"
sed 's/$/\r/' "$out/d2.txt" >"$out/crlf.txt"
expect crlf "$out/crlf.txt" -src "$S" -form debug=2
awk 'NR % 7 == 0 { print "app: request served in 12ms (status 200)" } { print } /^$/ && NR % 5 == 0 { print "2026/11/22 03:00:00 INFO tick" }' \
	"$out/panic.txt" >"$out/mixed.txt"
expect foreign-lines "$out/mixed.txt" -src "$S" -form debug=2

# Text output: header line, suspects marked, exit status 1 with suspects and 0 without
"$GOMEM" goroutines "$out/d2.txt" >"$out/text.txt" 2>&1; rc=$?
if [ $rc = 1 ] && head -1 "$out/text.txt" | grep -q '198 goroutines (debug=2), 8 stacks; 2 leak suspects holding 179 goroutines' &&
	[ "$(grep -c 'LEAK SUSPECT' "$out/text.txt")" = 2 ]; then ok text; else fail text "rc=$rc: $(head -1 "$out/text.txt")"; fi
"$GOMEM" goroutines -min-count 1000 "$out/d2.txt" >"$out/text2.txt" 2>&1; rc=$?
[ $rc = 0 ] && grep -q 'no leak suspect' "$out/text2.txt" && ok text-no-suspect || fail text-no-suspect "rc=$rc"

# Wait durations: "N minutes" in headers (GC-quiet programs show them after a minute); edited in
# (every chan-receive goroutine waits 12 minutes, the first one in the dump 95: goroutine ids
# depend on scheduling, so the edit does not pick goroutines by id)
awk '/^goroutine [0-9]+ \[chan receive\]:$/ { sub(/\]:$/, (n++ ? ", 12 minutes]:" : ", 95 minutes]:")) } { print }' \
	"$out/d2.txt" >"$out/wait.txt"
"$GOMEM" goroutines -json -min-count 1000 -min-wait 30m "$out/wait.txt" >"$out/wait.json" 2>/dev/null
if grep -q '"count":137,"state":"chan receive","state_inferred":false,"leaked":false,"wait_minutes_max":95,"suspect":true' "$out/wait.json"; then
	ok wait-minutes; else fail wait-minutes "$(head -c 300 "$out/wait.json")"; fi

# Header and frame details (hand-written from runtime/traceback.go's format): labels holding
# "]:", "(scan)" dropped, waits merged to their maximum, gp=/m= fields, fp= suffixes, generic
# "[...]" names, elided frames, ancestors skipped, a stack on another thread, runtime goroutines
E=$root/tests/goroutines/testdata/edge.txt
"$GOMEM" goroutines -json "$E" >"$out/edge.json" 2>"$out/edge.err"
edge_ok=1
for want in '"total":5,' \
	'{"count":2,"state":"chan receive (nil chan)","state_inferred":false,"leaked":false,"wait_minutes_max":61,"suspect":true' \
	'"stack":[{"function":"main.nilRecv","file":"/src/app/main.go","line":10},{"function":"main.worker[...]","file":"/src/app/main.go","line":20}],"created_by":{"function":"main.main","file":"/src/app/main.go","line":30}' \
	'{"count":1,"state":"select (no cases)","state_inferred":false,"leaked":false,"wait_minutes_max":0,"suspect":true' \
	'{"function":"main.(*Server).run.func1","file":"/src/app/main.go","line":41},{"function":"...","file":null,"line":0},{"function":"main.deep","file":"/src/app/main.go","line":50}],"created_by":{"function":"main.(*Server).Start","file":"/src/app/main.go","line":60}' \
	'{"count":1,"state":"running","state_inferred":false,"leaked":false,"wait_minutes_max":0,"suspect":false,"why":null,"stack":[],' \
	'{"count":1,"state":"GC worker (idle)","state_inferred":false,"leaked":false,"wait_minutes_max":5,"suspect":false'; do
	grep -qF -- "$want" "$out/edge.json" || { fail edge-cases "missing $want"; edge_ok=0; break; }
done
[ $edge_ok = 1 ] && ok edge-cases

# Bad input: clear message, status 1 (malformed) or 2 (I/O), never a crash or a hang
bad() { # NAME WANT_STATUS FILE PATTERN
	timeout 20 "$GOMEM" goroutines "$3" >"$out/bad.out" 2>"$out/bad.err"
	local rc=$?
	if [ $rc = "$2" ] && grep -qi -- "$4" "$out/bad.err"; then ok "bad/$1"; else fail "bad/$1" "status $rc, stderr: $(head -2 "$out/bad.err" | tr '\n' ' ')"; fi
}
head -c 300000 /dev/urandom >"$out/garbage.bin"
bad garbage 1 "$out/garbage.bin" "not a goroutine profile either"
printf 'hello\nworld\n' >"$out/text-garbage.txt"
bad text-garbage 1 "$out/text-garbage.txt" "no goroutine dump found"
: >"$out/empty.txt"
bad empty 1 "$out/empty.txt" "no goroutine dump found"
bad missing 2 "$out/does-not-exist" "no such file"
bad directory 2 "$out" "directory"
head -c "$(( $(wc -c <"$out/d2.txt") * 2 / 3 ))" "$out/d2.txt" >"$out/trunc.txt"
# a cut right after a goroutine's last line looks like a whole (shorter) dump: cut inside a line
while [ "$(tail -c1 "$out/trunc.txt" | od -An -c | tr -d ' ')" = '\n' ]; do truncate -s -1 "$out/trunc.txt"; done
bad truncated 1 "$out/trunc.txt" "truncated"
# cut between two goroutines, inside the next header ("gor")
{ awk 'NR>1 && /^goroutine /{n++} n==3{exit} {print}' "$out/d2.txt"; printf 'gor'; } >"$out/trunc-header.txt"
bad truncated-header 1 "$out/trunc-header.txt" "truncated"
head -c 700 "$out/d0.pb.gz" >"$out/trunc.pb.gz"
bad truncated-gzip 1 "$out/trunc.pb.gz" "trunc.pb.gz: "
head -c 200 /dev/urandom | cat <(printf '\x1f\x8b') - >"$out/fake.gz"
bad fake-gzip 1 "$out/fake.gz" "fake.gz: "
gzip -c "$out/d2.txt" >"$out/d2.txt.gz"
expect gzip-text "$out/d2.txt.gz" -src "$S" -form debug=2
gunzip -c "$out/d0.pb.gz" >"$out/d0.pb"
expect plain-protobuf "$out/d0.pb" -src "$S" -form debug=0
head -c 1000 "$out/d2.txt.gz" >"$out/trunc.txt.gz"
bad truncated-gzip-text 1 "$out/trunc.txt.gz" "gzip stream truncated"
head -c 3000000 /dev/zero | tr '\0' 'x' >"$out/longline.txt"; echo >>"$out/longline.txt"; cat "$out/d2.txt" >>"$out/longline.txt"
timeout 20 "$GOMEM" goroutines -json "$out/longline.txt" >"$out/longline.json" 2>"$out/longline.err"
"$CHECK" -src "$S" -form debug=2 "$out/longline.json" >/dev/null 2>&1 && grep -q "longer than" "$out/longline.err" &&
	ok bad/long-line || fail bad/long-line "$(head -2 "$out/longline.err")"
printf 'goroutine 1 [running]:\nmain.main(\n\tmain.go:x\ngoroutine 2 [chan receive, 99999999999999999999999 minutes]:\n%s\n' \
	"$(head -c 5000 /dev/zero | tr '\0' '(')" >"$out/weird.txt"
timeout 20 "$GOMEM" goroutines "$out/weird.txt" >/dev/null 2>&1; rc=$?
[ $rc -le 1 ] && ok bad/weird-lines || fail bad/weird-lines "status $rc"

# Memory stays bounded on a big dump: 200,000 goroutines (real blocks of the debug=2 dump,
# replicated with fresh ids by tests/oracle/bigdump)
bd=$root/tests/oracle/bigdump
if [ ! -x "$BUILD/oracle/bigdump" ] || [ "$bd/main.go" -nt "$BUILD/oracle/bigdump" ]; then
	(cd "$bd" && "$GO" build -o "$BUILD/oracle/bigdump" .)
fi
if [ -x /usr/bin/time ] && [ "${SANITIZER:-}" != 1 ]; then
	"$BUILD/oracle/bigdump" -n 200000 <"$out/d2.txt" >"$out/big.txt"
	/usr/bin/time -f %M -o "$out/big.rss" "$GOMEM" goroutines -json - <"$out/big.txt" >"$out/big.json" 2>/dev/null
	rss=$(tail -1 "$out/big.rss")
	size=$(( $(wc -c <"$out/big.txt") / 1024 ))
	if grep -q '"total":200000,' "$out/big.json" && [ "$rss" -lt 20000 ]; then ok "big-dump-memory (${size} KB dump, peak RSS ${rss} KB)"
	else fail big-dump-memory "peak RSS ${rss} KB for a ${size} KB dump, or a wrong total"; fi
	rm -f "$out/big.txt"
else
	skip big-dump-memory "no /usr/bin/time, or under a sanitizer"
fi
exit 0
