#!/usr/bin/env bash
# Type errors against gc. Every cases/NAME.go is a complete `package main` program with exactly
# one type error. Lines that end in `// fix: TEXT` are replaced by TEXT (indentation kept; an
# empty TEXT deletes the line) to make the corrected program; in the erroneous program the
# `// fix:` comment is simply dropped, so positions on the line do not move.
#
# Both variants of every case are laid out as packages of one module and compiled once by gc
# (`go build -gcflags=-e ./...`, cached until a case or the Go toolchain changes), then checked
# once by `gomem types ./bad/...` and once by `gomem types ./good/...`. For each case:
#   - the case itself must be right: gc rejects the bad program and accepts the good one;
#   - gomem rejects the bad program (an error for that package) and its first error is on gc's
#     first error line, and it reports nothing on a line where gc reports nothing;
#   - gomem accepts the good program (no error at all for that package, exit 0 overall).
# The summary line gives how many first errors also match gc's column and gc's message.
set -u
here=$(cd "$(dirname "$0")" && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types-errors: no Go toolchain"; exit 0; fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS= GOWORK=off
unset GOOS GOARCH GOEXPERIMENT GO111MODULE
work=$BUILD/types-errors-test
mod=$work/mod
mkdir -p "$work"

# lay the module out again when any case changed
stamp=$( (cat "$here"/cases/*.go; "$GO" version) | cksum | cut -d' ' -f1)
if [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$mod" "$work/gc.txt"
	mkdir -p "$mod"
	printf 'module typeerrs\n\ngo 1.26\n' >"$mod/go.mod"
	python3 - "$here/cases" "$mod" <<'PY' || { echo "FAIL types-errors/layout: bad case file"; exit 0; }
import os, re, sys
cases, mod = sys.argv[1], sys.argv[2]
fix = re.compile(r'^(\s*)(.*?)\s*// fix:(.*)$')
bad_exit = 0
for f in sorted(os.listdir(cases)):
    if not f.endswith('.go'):
        continue
    name = f[:-3]
    src = open(os.path.join(cases, f)).read().split('\n')
    bad, good, nfix = [], [], 0
    for line in src:
        m = fix.match(line)
        if m:
            nfix += 1
            bad.append(m.group(1) + m.group(2))
            repl = m.group(3).strip()
            if repl:
                good.append(m.group(1) + repl)
        else:
            bad.append(line)
            good.append(line)
    if nfix == 0:
        print('case %s has no "// fix:" line' % f, file=sys.stderr)
        bad_exit = 1
        continue
    for kind, lines in (('bad', bad), ('good', good)):
        d = os.path.join(mod, kind, name)
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, 'main.go'), 'w').write('\n'.join(lines))
sys.exit(bad_exit)
PY
	echo "$stamp" >"$work/stamp"
fi
if [ ! -s "$work/gc.txt" ]; then
	(cd "$mod" && "$GO" build -gcflags=-e ./... >"$work/gc.tmp" 2>&1)
	mv "$work/gc.tmp" "$work/gc.txt"
fi

(cd "$mod" && "$GOMEM" types ./bad/... >"$work/bad.out" 2>&1)
echo $? >"$work/bad.rc"
(cd "$mod" && "$GOMEM" types ./good/... >"$work/good.out" 2>&1)
echo $? >"$work/good.rc"

python3 - "$mod" "$work" <<'PY'
import os, re, sys
mod, work = sys.argv[1], sys.argv[2]
pat = re.compile(r'^(?:\./|.*/)?(bad|good)/([^/]+)/main\.go:(\d+):(\d+): (.*)$')

def parse(path, strip):
    errs = {}
    for line in open(path, errors='replace'):
        line = line.rstrip('\n')
        if line.startswith('\t'):
            continue  # a continuation line (other declaration, cycle member): not an error
        if strip and line.startswith(strip):
            line = line[len(strip):]
        if strip and strip != './':
            line = line.replace(strip, '')  # gomem's absolute paths in messages ("already declared at FILE")
        m = pat.match(line)
        if m:
            errs.setdefault((m.group(1), m.group(2)), []).append((int(m.group(3)), int(m.group(4)), m.group(5)))
    return errs

gc = parse(os.path.join(work, 'gc.txt'), './')
gm = {}
for kind in ('bad', 'good'):
    gm.update({k: v for k, v in parse(os.path.join(work, kind + '.out'), mod + '/').items() if k[0] == kind})
rc = {k: int(open(os.path.join(work, k + '.rc')).read()) for k in ('bad', 'good')}
names = sorted(os.listdir(os.path.join(mod, 'bad')))
n = ok = col = msg = 0
for name in names:
    n += 1
    want, got = gc.get(('bad', name), []), gm.get(('bad', name), [])
    gwant, ggot = gc.get(('good', name), []), gm.get(('good', name), [])
    if not want:
        print('FAIL types-errors/%s: the case is wrong: gc accepts the program with the error' % name)
        continue
    if gwant:
        print('FAIL types-errors/%s: the case is wrong: gc rejects the fixed program: %d:%d: %s' % ((name,) + gwant[0]))
        continue
    first = min(want)
    why = None
    if not got:
        why = 'no error reported; gc: %d:%d: %s' % first
    else:
        gfirst = min(got)
        extra = sorted({l for l, _, _ in got} - {l for l, _, _ in want})
        if gfirst[0] != first[0]:
            why = 'first error %d:%d: %s; gc: %d:%d: %s' % (gfirst + first)
        elif extra:
            e = [g for g in got if g[0] == extra[0]][0]
            why = 'error on a line where gc has none: %d:%d: %s' % e
    if why is None and ggot:
        why = 'an error in the fixed program: %d:%d: %s' % ggot[0]
    if why:
        print('FAIL types-errors/%s: %s' % (name, why))
        continue
    ok += 1
    gfirst = min(got)
    col += gfirst[1] == first[1]
    msg += gfirst[2] == first[2]
    print('ok types-errors/%s' % name)
if rc['good'] != 0:
    print('FAIL types-errors/exit-good: gomem types ./good/... exited %d (want 0)' % rc['good'])
else:
    print('ok types-errors/exit-good')
if rc['bad'] != 1:
    print('FAIL types-errors/exit-bad: gomem types ./bad/... exited %d (want 1)' % rc['bad'])
else:
    print('ok types-errors/exit-bad')
print('ok types-errors/summary: %d/%d cases rejected at gc\'s line and the fix accepted; first error at gc\'s column %d, with gc\'s message %d' % (ok, n, col, msg))
PY
