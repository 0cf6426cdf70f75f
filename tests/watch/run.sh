#!/usr/bin/env bash
# gomem watch against a live Go service (tests/oracle/leakserver) on 127.0.0.1: a leak of
# exactly 64 KiB and one blocked goroutine per sample must be reported to the byte, a
# stable service must be judged stable, and unreachable, failing, garbage-serving and
# hanging services must each give a message and exit status 2 within the timeout.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$BUILD/watch-work
mkdir -p "$work" "$BUILD/oracle"
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
if ! command -v python3 >/dev/null; then echo "skip watch: python3 missing"; exit 0; fi
server=$BUILD/oracle/leakserver
src=$root/tests/oracle/leakserver/main.go
if [ ! -x "$server" ] || [ "$src" -nt "$server" ]; then
	(cd "$root" && "$GO" build -o "$server" ./tests/oracle/leakserver/main.go) || { fail watch/build "go build failed"; exit 0; }
fi
# The server exits when its stdin closes: keep a pipe open and close it at the end.
fifo=$work/stdin; rm -f "$fifo"; mkfifo "$fifo"
"$server" <"$fifo" >"$work/addr" 2>"$work/server.err" &
spid=$!
exec 9>"$fifo"
trap 'exec 9>&-; kill $spid 2>/dev/null; wait $spid 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$work/addr" ] && break; sleep 0.1; done
addr=$(head -1 "$work/addr")
[ -n "$addr" ] || { fail watch/server "no address: $(head -2 "$work/server.err")"; exit 0; }
url=http://$addr

t=watch/leak
timeout 30 "$GOMEM" watch --json --interval 300ms --duration 3s "$url" >"$work/leak.json" 2>"$work/err"; rc=$?
if out=$(python3 - "$work/leak.json" $rc <<'PY'
import json, sys
g = json.load(open(sys.argv[1])); rc = int(sys.argv[2])
bad = []
n = g['samples']
if n != 11: bad.append('samples %d, want 11' % n)
grow = {x['function']: x['growth_bytes'] for x in g['growing']}
if grow.get('main.leakTick') != (n - 1) * 65536:
    bad.append('main.leakTick growth %s, want %d' % (grow.get('main.leakTick'), (n - 1) * 65536))
if g['growing'] and g['growing'][0]['function'] != 'main.leakTick': bad.append('largest growth is not main.leakTick')
if 'main.churn' in grow: bad.append('main.churn reported growing')
gr = g['goroutines']
if gr['last'] - gr['first'] != n - 1: bad.append('goroutines %d -> %d, want +%d' % (gr['first'], gr['last'], n - 1))
if g['verdict'] != 'heap-and-goroutines-growing': bad.append('verdict ' + g['verdict'])
if rc != 1: bad.append('exit status %d, want 1' % rc)
print('; '.join(bad))
sys.exit(1 if bad else 0)
PY
); then ok $t; else fail $t "$out $(head -2 "$work/err")"; fi

t=watch/stable
timeout 30 "$GOMEM" watch --json --interval 300ms --duration 1500ms "$url/stable" >"$work/stable.json" 2>"$work/err"; rc=$?
if out=$(python3 - "$work/stable.json" $rc <<'PY'
import json, sys
g = json.load(open(sys.argv[1])); rc = int(sys.argv[2])
bad = []
if g['samples'] != 6: bad.append('samples %d, want 6' % g['samples'])
if any(x['function'].startswith('main.') for x in g['growing']): bad.append('growing: %s' % g['growing'])
if g['goroutines']['first'] != g['goroutines']['last']: bad.append('goroutines moved: %s' % g['goroutines'])
if g['verdict'] != 'stable' or rc != 0: bad.append('verdict %s exit %d' % (g['verdict'], rc))
print('; '.join(bad))
sys.exit(1 if bad else 0)
PY
); then ok $t; else fail $t "$out"; fi

t=watch/text-report
out=$(timeout 30 "$GOMEM" watch --interval 200ms --duration 400ms "$url" 2>&1)
if echo "$out" | grep -q '^Verdict: heap-and-goroutines-growing' && echo "$out" | grep -Eq '^ +\+128kB +main.leakTick$'; then ok $t
else fail $t "$(echo "$out" | tr '\n' '|')"; fi

# goroutine profiles (debug=0 protobuf) decode too: heapdiff on two of them agrees with pprof
t=watch/goroutine-profile-diff
fetch() { python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' "$1"; }
fetch "$url/stable/debug/pprof/goroutine" >"$work/g1.pb.gz"
fetch "$url/debug/pprof/goroutine" >/dev/null; fetch "$url/debug/pprof/goroutine" >/dev/null # 2 more blocked
fetch "$url/stable/debug/pprof/goroutine" >"$work/g2.pb.gz"
"$GOMEM" heapdiff --json "$work/g1.pb.gz" "$work/g2.pb.gz" >"$work/gg.json" 2>"$work/err"
"$GO" tool pprof -top -nodecount=1000000 -nodefraction=0 -edgefraction=0 -base "$work/g1.pb.gz" "$work/g2.pb.gz" >"$work/gp.txt" 2>&1
if out=$(python3 "$root/tests/heapdiff/compare.py" "$work/gg.json" "$work/gp.txt") &&
	grep -q '"function":"main.spawnBlocked.func1","flat":0,"cum":2}' "$work/gg.json"; then ok "$t ($out)"
else fail $t "$out $(head -c 300 "$work/gg.json")"; fi

t=watch/interrupt
timeout 30 "$GOMEM" watch --json --interval 200ms --duration 20s "$url" >"$work/int.json" 2>"$work/err" &
wpid=$!
sleep 1.5; kill -INT $wpid; t0=$(date +%s%N); wait $wpid; rc=$?; ms=$(( ($(date +%s%N) - t0) / 1000000 ))
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["samples"])' "$work/int.json" 2>/dev/null)
if [ $rc = 1 ] && [ "${n:-0}" -ge 2 ] && [ $ms -lt 5000 ]; then ok "$t"; else fail $t "exit $rc after ${ms}ms with ${n:-no} samples"; fi

expect_error() { # NAME PATTERN MAXSECONDS ARGS...
	local name=$1 pat=$2 max=$3; shift 3
	local t0=$(date +%s)
	timeout 60 "$GOMEM" watch "$@" >/dev/null 2>"$work/err"; local rc=$?
	local took=$(( $(date +%s) - t0 ))
	if [ $rc = 2 ] && grep -Eq "$pat" "$work/err" && [ $took -le "$max" ]; then ok "watch/bad/$name"
	else fail "watch/bad/$name" "exit status $rc after ${took}s, stderr: $(head -2 "$work/err" | tr '\n' ' ')"; fi
}
# a port nothing listens on: bind one, then free it
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
expect_error unreachable 'onnect|refused' 5 --interval 100ms --duration 200ms "http://127.0.0.1:$port"
expect_error http-500 'HTTP status 500' 5 --interval 100ms --duration 200ms "$url/err"
expect_error garbage 'not a profile' 5 --interval 100ms --duration 200ms "$url/garbage/debug/pprof/"
expect_error hang 'imeout|timed out' 5 --timeout 1s --interval 100ms --duration 200ms "$url/slow"
expect_error not-http 'not an http' 2 "ftp://$addr"
expect_error bad-interval 'must be positive' 2 --interval 0s "$url"
expect_error usage 'usage|argument|operand' 2
