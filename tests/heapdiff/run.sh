#!/usr/bin/env bash
# gomem heapdiff against known leaks and against `go tool pprof -top -base`.
#
# tests/oracle/heapleak retains known bytes in known functions between two heap profiles,
# written both as gzip-compressed protobuf and as debug=1 text. With MemProfileRate=1
# the figures are exact: gomem must report exactly the leaked amounts, and on every
# function exactly what pprof prints (flat and cum, to the byte) for every sample type.
# A second run at the default sampling rate checks pprof's scaling of sampled profiles.
# Then bad inputs: each must give a message and exit status 2, never a crash or a hang.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$BUILD/heapdiff-work
mkdir -p "$work" "$BUILD/oracle"
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
if ! command -v python3 >/dev/null; then echo "skip heapdiff: python3 missing"; exit 0; fi

oracle=$BUILD/oracle/heapleak
src=$root/tests/oracle/heapleak/main.go
if [ ! -x "$oracle" ] || [ "$src" -nt "$oracle" ]; then
	(cd "$root" && "$GO" build -o "$oracle" ./tests/oracle/heapleak/main.go) || { fail heapdiff/build "go build failed"; exit 0; }
fi

# exact profiles (rate 1)
ex=$work/exact; rm -rf "$ex"; mkdir -p "$ex"
"$oracle" -o "$ex" >/dev/null || { fail heapdiff/oracle "heapleak failed"; exit 0; }
gzip -dc "$ex/base.pb.gz" >"$ex/base.pb"; gzip -dc "$ex/cur.pb.gz" >"$ex/cur.pb"
# sampled profiles (default rate 512 KiB): scaled values, many stacks
sc=$work/sampled; rm -rf "$sc"; mkdir -p "$sc"
"$oracle" -o "$sc" -rate 524288 -n 8 >/dev/null || fail heapdiff/oracle-sampled "heapleak failed"

pprof_top() { # SAMPLE_INDEX BASE CUR [BINARY]
	"$GO" tool pprof -top -nodecount=1000000 -nodefraction=0 -edgefraction=0 -unit=B -sample_index="$1" \
		-base "$2" ${4:+"$4"} "$3" 2>&1
}

for form in pb.gz pb txt; do
	t=heapdiff/known/$form
	if "$GOMEM" heapdiff --json "$ex/base.$form" "$ex/cur.$form" >"$ex/g.$form.json" 2>"$ex/err"; then
		if out=$(python3 "$here/knowns.py" "$ex/g.$form.json" "$src" 1); then ok $t; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi
	else fail $t "exit status $?: $(head -2 "$ex/err")"; fi
done

# every function, every sample type, against pprof on the same files
for si in inuse_space inuse_objects alloc_space alloc_objects; do
	for form in pb.gz pb; do
		t=heapdiff/pprof/$si/$form
		"$GOMEM" heapdiff --json --sample-index "$si" "$ex/base.$form" "$ex/cur.$form" >"$ex/g.json" 2>"$ex/err" \
			|| { fail $t "gomem exit status $?: $(head -1 "$ex/err")"; continue; }
		pprof_top "$si" "$ex/base.$form" "$ex/cur.$form" >"$ex/p.txt"
		if out=$(python3 "$here/compare.py" "$ex/g.json" "$ex/p.txt"); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi
	done
done
# allocation sites against pprof -lines (flat per function and file:line)
for form in pb.gz txt; do
	t=heapdiff/pprof-lines/$form
	"$GOMEM" heapdiff --json "$ex/base.$form" "$ex/cur.$form" >"$ex/g.json" 2>"$ex/err" || { fail $t "gomem exit status $?"; continue; }
	"$GO" tool pprof -top -lines -nodecount=1000000 -nodefraction=0 -edgefraction=0 -unit=B \
		-base "$ex/base.pb.gz" "$ex/cur.pb.gz" >"$ex/p.txt" 2>&1
	if out=$(python3 "$here/compare.py" --sites "$ex/g.json" "$ex/p.txt"); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi
done
# base and current from two different processes (different addresses and ids: nodes meet
# by name), the sampled current against the exact base
t=heapdiff/pprof/two-processes
"$GOMEM" heapdiff --json "$ex/base.pb.gz" "$work/sampled/cur.pb.gz" >"$ex/g.json" 2>"$ex/err" || fail $t "gomem exit status $?"
pprof_top inuse_space "$ex/base.pb.gz" "$work/sampled/cur.pb.gz" >"$ex/p.txt"
if out=$(python3 "$here/compare.py" "$ex/g.json" "$ex/p.txt"); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi

# The text form carries the same samples: gomem must read the same figures from it as pprof
# reads from the protobuf written at the same moment (inuse only: alloc figures move on).
t=heapdiff/pprof/text-vs-proto
pprof_top inuse_space "$ex/base.pb.gz" "$ex/cur.pb.gz" >"$ex/p.txt"
if out=$(python3 "$here/compare.py" "$ex/g.txt.json" "$ex/p.txt"); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi

for si in inuse_space alloc_space; do
	t=heapdiff/pprof-sampled/$si
	"$GOMEM" heapdiff --json --sample-index "$si" "$sc/base.pb.gz" "$sc/cur.pb.gz" >"$sc/g.json" 2>"$sc/err" \
		|| { fail $t "gomem exit status $?"; continue; }
	pprof_top "$si" "$sc/base.pb.gz" "$sc/cur.pb.gz" >"$sc/p.txt"
	if out=$(python3 "$here/compare.py" "$sc/g.json" "$sc/p.txt"); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi
done
# Legacy text at a sampling rate: pprof scales each sample by 1/(1-exp(-avg/rate)). pprof
# symbolizes the text through the binary (no inlined frames, plus runtime.goexit), so compare
# the functions both name the same way: every function gomem finds in the binary's symbols.
t=heapdiff/pprof-sampled/text-scaling
"$GOMEM" heapdiff --json "$sc/base.txt" "$sc/cur.txt" >"$sc/g.json" 2>"$sc/err" || fail $t "gomem exit status $?"
pprof_top inuse_space "$sc/base.txt" "$sc/cur.txt" "$oracle" >"$sc/p.txt"
if out=$(python3 - "$sc/g.json" "$sc/p.txt" <<'PY'
import json, re, sys
g = json.load(open(sys.argv[1]))
ours = {f['function']: f for f in g['functions']}
total = None; theirs = {}
for line in open(sys.argv[2]):
    m = re.search(r'accounting for (-?\d+)B', line)
    if m: total = int(m.group(1))
    p = line.split(None, 5)
    if len(p) == 6 and re.fullmatch(r'-?\d+B?', p[0]) and re.fullmatch(r'-?\d+B?', p[3]):
        theirs[p[5].strip()] = (int(p[0].rstrip('B')), int(p[3].rstrip('B')))
bad = []
for name in ('main.leakA', 'main.leakB', 'main.recur', 'main.main'):
    a = ours.get(name); b = theirs.get(name)
    a = a and (a['flat'], a['cum'])
    if a != b or (name == 'main.leakA' and not a): bad.append('%s: gomem %s pprof %s' % (name, a, b))
if total is None or g['total'] != total: bad.append('total gomem %s pprof %s' % (g['total'], total))
print('\n'.join(bad) if bad else 'agree on 4 functions and the total')
sys.exit(1 if bad else 0)
PY
); then ok "$t ($out)"; else fail $t "$(echo "$out" | head -3 | tr '\n' ';')"; fi

t=heapdiff/sample-index-number
a=$("$GOMEM" heapdiff --json --sample-index 1 "$ex/base.pb" "$ex/cur.pb" 2>&1 | head -c 60)
case "$a" in *'"sample_type":"alloc_space"'*) ok $t ;; *) fail $t "$a" ;; esac

# text report: readable, largest first
t=heapdiff/text-report
out=$("$GOMEM" heapdiff "$ex/base.pb.gz" "$ex/cur.pb.gz" 2>&1)
first=$(echo "$out" | awk '/^Functions/{getline; getline; print $NF; exit}')
if echo "$out" | grep -q '^Growth: +' && [ "$first" = main.leakA ] && echo "$out" | grep -Eq '^ +10MB +[0-9.]+% +10MB'; then ok $t; else fail $t "unexpected report: $(echo "$out" | head -12 | tr '\n' '|')"; fi

# ---- bad input: message + exit status 2, never a crash or a hang ----
bad=$work/bad; rm -rf "$bad"; mkdir -p "$bad"
sz=$(stat -c %s "$ex/cur.pb.gz")
head -c $((sz / 2)) "$ex/cur.pb.gz" >"$bad/truncated.pb.gz"
cp "$ex/cur.pb.gz" "$bad/corrupt.pb.gz"
printf '\x55\xaa\x55\xaa\x55\xaa\x55\xaa' | dd of="$bad/corrupt.pb.gz" bs=1 seek=$((sz / 3)) conv=notrunc 2>/dev/null
psz=$(stat -c %s "$ex/cur.pb")
head -c $((psz - 7)) "$ex/cur.pb" >"$bad/truncated.pb"
head -c 4096 /dev/urandom >"$bad/random.bin"
: >"$bad/empty"
printf 'hello, world\nthis is not a profile\n' >"$bad/text"
head -c $((64 << 20)) /dev/zero | gzip -1 >"$bad/bomb.gz"
printf 'heap profile: 1: 10 [1: 10] @ heap/2\n1: 10 [1: 10] @ 0xZZ\n' >"$bad/badtext"
printf 'heap profile: 1: 10 [1: 10] @ heap/2\n0: 10 [1: 10] @ 0x1\n' >"$bad/zerocount"
expect_error() { # NAME PATTERN ARGS...
	local name=$1 pat=$2; shift 2
	timeout 20 "$GOMEM" heapdiff "$@" >/dev/null 2>"$bad/err"; local rc=$?
	if [ $rc = 2 ] && grep -Eq "$pat" "$bad/err"; then ok "heapdiff/bad/$name"
	else fail "heapdiff/bad/$name" "exit status $rc, stderr: $(head -2 "$bad/err" | tr '\n' ' ')"; fi
}
expect_error truncated-gzip 'truncated|unexpected end' "$ex/base.pb.gz" "$bad/truncated.pb.gz"
expect_error corrupt-gzip 'gzip: byte [0-9]+: corrupt|protobuf: byte' "$ex/base.pb.gz" "$bad/corrupt.pb.gz"
expect_error truncated-protobuf 'protobuf: byte [0-9]+' "$ex/base.pb" "$bad/truncated.pb"
expect_error random-bytes 'protobuf|not a profile' "$ex/base.pb" "$bad/random.bin"
expect_error empty 'empty' "$bad/empty" "$ex/cur.pb"
expect_error not-a-profile 'not a profile' "$ex/base.pb" "$bad/text"
expect_error bomb 'exceeds the limit of 1048576' --max-inflated 1048576 "$bad/bomb.gz" "$ex/cur.pb"
expect_error missing-file 'no-such-file' "$ex/base.pb" "$bad/no-such-file"
expect_error directory 'directory' "$bad" "$ex/cur.pb"
expect_error bad-text-address 'line 2: malformed address' "$bad/badtext" "$ex/cur.txt"
expect_error bad-text-count 'line 2: inuse count was 0' "$bad/zerocount" "$ex/cur.txt"
expect_error unknown-sample-type 'sample type nope not in the profile' --sample-index nope "$ex/base.pb" "$ex/cur.pb"
expect_error bad-sample-index 'sample index 9 out of range' --sample-index 9 "$ex/base.pb" "$ex/cur.pb"
expect_error usage 'usage|operand|argument' "$ex/base.pb"
