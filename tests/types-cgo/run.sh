#!/usr/bin/env bash
# gomem types on cgo packages (CGO_ENABLED=1): files that import "C" are checked with "C" a
# fake package whose members are operands of unknown type (go/types' FakeImportC).
#   - std's cgo packages (and cmd/cgo's big test package) check silently with exit 0;
#   - clean/: a hand-written module (a C ring buffer: preamble, .c file, C.malloc/C.free,
#     C.CString, C struct fields, C enums and macros, //export callbacks, runtime/cgo handles)
#     that gc builds: gomem checks it silently;
#   - dump-*: gomem's -dump against tests/oracle/typesdump -cgo, which runs cgo as the source
#     importer does and checks the package with cgo's real declarations (what gc sees): no line
#     of gomem's may differ from it (C.x and what is typed from it are left out: the floors);
#   - errors/*.go: cgo programs with one type error outside the C.x uses, in the format of
#     tests/types-errors (`// fix: TEXT` lines); gc (`go build -gcflags=-e`, cached) must reject
#     the program at the line gomem reports first and accept the fixed one, which gomem must
#     accept too.
# Needs a C compiler (cgo); skipped without one.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types-cgo: no Go toolchain"; exit 0; fi
if ! command -v "${CC:-gcc}" >/dev/null 2>&1; then echo "skip types-cgo: no C compiler for cgo"; exit 0; fi
export CGO_ENABLED=1 GOTOOLCHAIN=local GOFLAGS= GOWORK=off
unset GOOS GOARCH GOEXPERIMENT GO111MODULE
work=$BUILD/types-cgo-test
mkdir -p "$work" "$BUILD/oracle"
bin=$BUILD/oracle/typesdump
if [ ! -x "$bin" ] || [ "$root/tests/oracle/typesdump/main.go" -nt "$bin" ]; then
	(cd "$root/tests/oracle/typesdump" && "$GO" build -o "$bin" main.go) ||
		{ echo "FAIL types-cgo/oracle: go build failed"; exit 0; }
fi

# std's packages with cgo files on linux/amd64
STD="runtime/cgo net os/user plugin runtime/race crypto/internal/sysrand/internal/seccomp internal/testpty internal/runtime/cgobench"
(cd "$work" && timeout 120 "$GOMEM" types $STD cmd/cgo/internal/test >"$work/std.out" 2>&1)
st=$?
if [ $st -eq 0 ] && [ ! -s "$work/std.out" ]; then
	echo "ok types-cgo/std: $(echo $STD | wc -w) std cgo packages and cmd/cgo/internal/test check silently"
else
	echo "FAIL types-cgo/std: exit status $st: $(head -3 "$work/std.out")"
fi
(cd "$work" && timeout 300 "$GOMEM" types std cmd >"$work/all.out" 2>&1)
st=$?
if [ $st -eq 0 ] && [ ! -s "$work/all.out" ]; then
	echo "ok types-cgo/std-cmd: all of std and cmd check silently with cgo"
else
	echo "FAIL types-cgo/std-cmd: exit status $st: $(head -3 "$work/all.out")"
fi

# the hand-written module: gc must build it (the case is right), gomem must accept it
stamp=$( (cd "$here/clean" && cat go.mod $(find . -name '*.go' -o -name '*.[ch]' | sort); "$GO" version) | cksum | cut -d' ' -f1)
if [ "$(cat "$work/clean.stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -f "$work/clean.gc"
	(cd "$here/clean" && "$GO" build -o /dev/null ./... >"$work/clean.gc" 2>&1 && "$GO" vet ./... >>"$work/clean.gc" 2>&1)
	echo $? >"$work/clean.gc.rc"
	echo "$stamp" >"$work/clean.stamp"
fi
if [ "$(cat "$work/clean.gc.rc")" != 0 ]; then
	echo "FAIL types-cgo/clean-gc: the case is wrong: gc or vet rejects it: $(head -3 "$work/clean.gc")"
else
	echo "ok types-cgo/clean-gc"
fi
(cd "$here/clean" && "$GOMEM" types ./... >"$work/clean.out" 2>&1)
st=$?
if [ $st -eq 0 ] && [ ! -s "$work/clean.out" ]; then echo "ok types-cgo/clean"; else echo "FAIL types-cgo/clean: exit status $st: $(head -3 "$work/clean.out")"; fi

# dumps against the oracle with cgo's real declarations: NAME DIR FLOOR% PKGS...
dumpcmp() {
	local name=$1 dir=$2 floor=$3
	shift 3
	local want=$work/$name.want got=$work/$name.got
	if ! [ -s "$want" ] || ! [ "$want" -nt "$bin" ] || ! [ "$want" -nt "$work/clean.stamp" ]; then
		(cd "$dir" && "$bin" -cgo "$@" >"$want.tmp" 2>"$want.err") && mv "$want.tmp" "$want" ||
			{ echo "FAIL types-cgo/dump-$name: oracle failed: $(head -3 "$want.err")"; return; }
	fi
	(cd "$dir" && "$GOMEM" types -dump "$@" >"$got" 2>"$got.err")
	sort -u "$want" >"$want.s"
	sort -u "$got" >"$got.s"
	local n a w pct
	n=$(wc -l <"$want.s")
	a=$(comm -12 "$want.s" "$got.s" | wc -l)
	w=$(comm -13 "$want.s" "$got.s" | wc -l)
	pct=$(awk -v a="$a" -v n="$n" 'BEGIN { printf "%.2f", n ? 100 * a / n : 0 }')
	local msg="$a/$n identifiers agree ($pct%), $w wrong (floor $floor%, max wrong 0)"
	if [ "$n" -eq 0 ] || [ "$w" -gt 0 ] || awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 < f + 0) }'; then
		echo "FAIL types-cgo/dump-$name: $msg; first differences:"
		diff "$want.s" "$got.s" | grep '^>' | head -5 | sed 's/^/    /'
	else
		echo "ok types-cgo/dump-$name: $msg"
	fi
}
dumpcmp clean "$here/clean" 78 ./ring ./cmd/ringstat
dumpcmp std "$work" 98.2 $STD
dumpcmp cgotest "$work" 81.8 cmd/cgo/internal/test

# one-error cgo programs against gc
mod=$work/errmod
stamp=$( (cat "$here"/errors/*.go; "$GO" version) | cksum | cut -d' ' -f1)
if [ "$(cat "$work/err.stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$mod" "$work/err.gc"
	mkdir -p "$mod"
	printf 'module cgoerrs\n\ngo 1.26\n' >"$mod/go.mod"
	python3 - "$here/errors" "$mod" <<'PY' || { echo "FAIL types-cgo/errors-layout: bad case file"; exit 0; }
import os, re, sys
cases, mod = sys.argv[1], sys.argv[2]
fix = re.compile(r'^(\s*)(.*?)\s*// fix:(.*)$')
st = 0
for f in sorted(os.listdir(cases)):
    if not f.endswith('.go'):
        continue
    bad, good, n = [], [], 0
    for line in open(os.path.join(cases, f)).read().split('\n'):
        m = fix.match(line)
        if m:
            n += 1
            bad.append(m.group(1) + m.group(2))
            if m.group(3).strip():
                good.append(m.group(1) + m.group(3).strip())
        else:
            bad.append(line)
            good.append(line)
    if n == 0:
        print('case %s has no "// fix:" line' % f, file=sys.stderr)
        st = 1
        continue
    for kind, lines in (('bad', bad), ('good', good)):
        d = os.path.join(mod, kind, f[:-3])
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, 'main.go'), 'w').write('\n'.join(lines))
sys.exit(st)
PY
	(cd "$mod" && "$GO" build -o /dev/null -gcflags=-e ./... >"$work/err.gc.tmp" 2>&1)
	mv "$work/err.gc.tmp" "$work/err.gc"
	echo "$stamp" >"$work/err.stamp"
fi
(cd "$mod" && "$GOMEM" types ./bad/... >"$work/err.bad" 2>&1)
echo $? >"$work/err.bad.rc"
(cd "$mod" && "$GOMEM" types ./good/... >"$work/err.good" 2>&1)
echo $? >"$work/err.good.rc"
python3 - "$mod" "$work" <<'PY'
import os, re, sys
mod, work = sys.argv[1], sys.argv[2]
pat = re.compile(r'^(?:\./|.*/)?(bad|good)/([^/]+)/main\.go:(\d+):(\d+): (.*)$')
def parse(path, strip):
    errs = {}
    for line in open(path, errors='replace'):
        line = line.rstrip('\n')
        if line.startswith(strip):
            line = line[len(strip):]
        m = pat.match(line)
        if m:
            errs.setdefault((m.group(1), m.group(2)), []).append((int(m.group(3)), int(m.group(4)), m.group(5)))
    return errs
gc = parse(os.path.join(work, 'err.gc'), './')
gm = parse(os.path.join(work, 'err.bad'), mod + '/')
gm.update(parse(os.path.join(work, 'err.good'), mod + '/'))
n = ok = 0
for name in sorted(os.listdir(os.path.join(mod, 'bad'))):
    n += 1
    want, got = gc.get(('bad', name), []), gm.get(('bad', name), [])
    if not want:
        print('FAIL types-cgo/%s: the case is wrong: gc accepts the program with the error' % name)
        continue
    if gc.get(('good', name)):
        print('FAIL types-cgo/%s: the case is wrong: gc rejects the fixed program: %d:%d: %s' % ((name,) + gc[('good', name)][0]))
        continue
    why = None
    if not got:
        why = 'no error reported; gc: %d:%d: %s' % min(want)
    elif min(got)[0] != min(want)[0]:
        why = 'first error %d:%d: %s; gc: %d:%d: %s' % (min(got) + min(want))
    else:
        extra = sorted({l for l, _, _ in got} - {l for l, _, _ in want})
        if extra:
            why = 'error on a line where gc has none: %d:%d: %s' % [g for g in got if g[0] == extra[0]][0]
    if why is None and gm.get(('good', name)):
        why = 'an error in the fixed program: %d:%d: %s' % gm[('good', name)][0]
    if why:
        print('FAIL types-cgo/%s: %s' % (name, why))
    else:
        ok += 1
        print('ok types-cgo/%s' % name)
rc = {k: int(open(os.path.join(work, 'err.%s.rc' % k)).read()) for k in ('bad', 'good')}
print(('ok' if rc['good'] == 0 else 'FAIL') + ' types-cgo/errors-exit-good: exit %d (want 0)' % rc['good'])
print(('ok' if rc['bad'] == 1 else 'FAIL') + ' types-cgo/errors-exit-bad: exit %d (want 1)' % rc['bad'])
PY
