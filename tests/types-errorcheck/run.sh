#!/usr/bin/env bash
# gomem types on gc's own error tests: every $GOROOT/test program (subdirectories included)
# whose first line is `// errorcheck`, with no flag or only flags that do not change type
# checking (-e, -d=panic, -t N), is compiled by gc (`go tool compile -p=p -d=panic -e`, as
# cmd/internal/testdir runs it; cached until the toolchain changes) and checked by
# `gomem types FILE`. Skipped: files gc's parser rejects (tests/oracle/gcsyntax: those are the
# parser's, tested by parse-errors), files with //line directives (gc's positions move), files
# the build constraints exclude on this machine.
#   (a) gomem must end with exit status 0, 1 or 2 within the timeout (no crash, no hang);
#   (b) every line where gomem reports an error must be one where gc reports one (primary
#       error lines; the explained exceptions are listed in expected-false.txt as
#       "FILE:LINE reason"): false lines stay at their ceiling;
#   (c) the figure: of the lines where gc reports an error, how many gomem reports (floor
#       below, measured; raise it as the checker grows), and on how many of those gomem's
#       first message is gc's.
# Under the sanitizers (SANITIZER=1) every second file is run, and the floor is not applied.
set -u
here=$(cd "$(dirname "$0")" && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
TESTS=${TESTS:-$(cd "$here/.." && pwd)}
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types-errorcheck: no Go toolchain"; exit 0; fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS= GOWORK=off GOENV=off
unset GOOS GOARCH GOEXPERIMENT GO111MODULE
COVERAGE_FLOOR=82.0   # % of gc's error lines that gomem reports (measured, rounded down)
MAX_FALSE=0           # false lines not in expected-false.txt
work=$BUILD/types-errorcheck-test
mkdir -p "$work/gm"
troot=$GOROOT_ORACLE/test
[ -d "$troot" ] || { echo "skip types-errorcheck: no $troot"; exit 0; }

stamp=$("$GO" version)
if [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$work/gc" "$work/importcfg" "$work/gcsyntax.txt" "$work/files.txt"
	echo "$stamp" >"$work/stamp"
fi
mkdir -p "$work/gc"

# the files: first line `// errorcheck` with harmless flags only
if [ ! -s "$work/files.txt" ]; then
	(cd "$troot" && find . -name '*.go' | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
		IFS= read -r first <"$troot/$f" || true
		if [[ "$first" =~ ^//\ errorcheck((\ +(-e|-d=panic|-t\ +[0-9]+))*)\ *$ ]]; then echo "$f"; fi
	done >"$work/files.txt.tmp"
	mv "$work/files.txt.tmp" "$work/files.txt"
fi
nfiles=$(wc -l <"$work/files.txt")

# gc's verdicts (cached)
if [ ! -s "$work/importcfg" ]; then
	"$GO" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' std >"$work/importcfg.tmp" 2>"$work/importcfg.err" ||
		{ echo "FAIL types-errorcheck/gc: go list -export std failed: $(head -2 "$work/importcfg.err")"; exit 0; }
	mv "$work/importcfg.tmp" "$work/importcfg"
fi
cat >"$work/gc.sh" <<'EOF'
f=$1 work=$2 troot=$3 GO=$4
n=${f//\//__}
[ -s "$work/gc/$n.rc" ] && exit 0
tmp=$(mktemp -d)
timeout 120 "$GO" tool compile -p=p -d=panic -e -importcfg="$work/importcfg" -o "$tmp/a.o" "$troot/$f" >"$work/gc/$n.txt" 2>&1
echo $? >"$work/gc/$n.rc.tmp" && mv "$work/gc/$n.rc.tmp" "$work/gc/$n.rc"
rm -rf "$tmp"
EOF
xargs -P2 -I{} bash "$work/gc.sh" {} "$work" "$troot" "$GO" <"$work/files.txt"
if [ ! -s "$work/gcsyntax.txt" ]; then
	gcsyntax=$("$TESTS/oracle/build-gcsyntax.sh") || { echo "FAIL types-errorcheck/oracle: cannot build tests/oracle/gcsyntax"; exit 0; }
	sed "s|^|$troot/|" "$work/files.txt" >"$work/abs.txt"
	"$gcsyntax" -list "$work/abs.txt" >"$work/gcsyntax.tmp" 2>&1
	mv "$work/gcsyntax.tmp" "$work/gcsyntax.txt"
fi

# gomem on every file (every second one under the sanitizers, to stay in time; the coverage
# floor is then not applied)
tmo=30
cp "$work/files.txt" "$work/run.txt"
if [ -n "${SANITIZER:-}" ]; then
	tmo=180
	awk 'NR % 2 == 1' "$work/files.txt" >"$work/run.txt"
fi
cat >"$work/gm.sh" <<'EOF'
f=$1 work=$2 troot=$3 GOMEM=$4 tmo=$5
n=${f//\//__}
start=$(date +%s%N)
(cd "$work" && timeout "$tmo" "$GOMEM" types "$troot/$f" >"$work/gm/$n.txt" 2>&1)
echo "$? $(( ($(date +%s%N) - start) / 1000000 ))" >"$work/gm/$n.rc"
EOF
rm -f "$work"/gm/*
xargs -P2 -I{} bash "$work/gm.sh" {} "$work" "$troot" "$GOMEM" "$tmo" <"$work/run.txt"

python3 - "$work" "$troot" "$here/expected-false.txt" "$COVERAGE_FLOOR" "$MAX_FALSE" "${SANITIZER:-}" <<'PY'
import os, re, sys
work, troot, expf, floor, maxfalse = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
sampled = sys.argv[6] != ''
files = [l.strip() for l in open(os.path.join(work, 'run.txt')) if l.strip()]
expected = {}
for l in open(expf):
    l = l.strip()
    if l and not l.startswith('#'):
        key, _, why = l.partition(' ')
        expected[key] = why
syntax = {}
for l in open(os.path.join(work, 'gcsyntax.txt'), errors='replace'):
    l = l.rstrip('\n')
    m = re.match(r'^(.*?\.go):(?: ok$|\d+:\d+: )', l)
    if m:
        syntax[m.group(1)] = not l.endswith(': ok')

def lines(path, abspath):
    # primary error lines of abspath in a compiler's output: line -> first message
    out = {}
    for l in open(path, errors='replace'):
        l = l.rstrip('\n')
        if not l.startswith(abspath + ':'):
            continue
        m = re.match(r'^(\d+):(\d+): (.*)$', l[len(abspath) + 1:])
        if m:
            out.setdefault(int(m.group(1)), (int(m.group(2)), m.group(3)))
    return out

skip = {'syntax': 0, 'line': 0, 'constraints': 0}
checked = gclines = covered = samemsg = firstok = firsttot = 0
false, crash, seen_expected, missed = [], [], set(), []
slowest = (0, '')
for f in files:
    n = f.replace('/', '__')
    ab = os.path.join(troot, f)
    if syntax.get(ab, False):
        skip['syntax'] += 1
        continue
    src = open(ab, errors='replace').read()
    if re.search(r'(?m)^//line |/\*line ', src):
        skip['line'] += 1
        continue
    gmtxt = open(os.path.join(work, 'gm', n + '.txt'), errors='replace').read()
    rc, ms = (int(x) for x in open(os.path.join(work, 'gm', n + '.rc')).read().split())
    if 'build constraints exclude all Go files' in gmtxt:
        skip['constraints'] += 1
        continue
    checked += 1
    slowest = max(slowest, (ms, f))
    if rc not in (0, 1, 2):
        crash.append((f, rc, gmtxt.strip().split('\n')[-1][:200] if gmtxt.strip() else ''))
        continue
    G = lines(os.path.join(work, 'gc', n + '.txt'), ab)
    M = lines(os.path.join(work, 'gm', n + '.txt'), ab)
    gclines += len(G)
    covered += len(set(G) & set(M))
    samemsg += sum(1 for l in set(G) & set(M) if G[l][1] == M[l][1])
    for l in sorted(set(G) - set(M)):
        missed.append('%s:%d:%d: %s' % (f, l, G[l][0], G[l][1]))
    if G:
        firsttot += 1
        firstok += bool(M) and min(M) == min(G)
    other = re.search(r'(?m)^(/[^:\n]*\.go):(\d+):\d+: (.*)$', '\n'.join(
        l for l in gmtxt.split('\n') if not l.startswith(ab + ':')))
    if other:  # an error in an imported package (std must check clean): always false
        false.append(('%s:%s:%s' % (f, other.group(1), other.group(2)), other.group(3)))
    for l in sorted(set(M) - set(G)):
        key = '%s:%d' % (f, l)
        if key in expected:
            seen_expected.add(key)
        else:
            false.append((key, M[l][1]))

print('ok types-errorcheck/files: %d errorcheck files, %d checked; skipped: %d gc syntax errors, %d //line, %d build constraints'
      % (len(files), checked, skip['syntax'], skip['line'], skip['constraints']))
for f, rc, last in crash:
    print('FAIL types-errorcheck/%s: gomem exit status %d (crash or timeout): %s' % (f, rc, last))
if not crash:
    print('ok types-errorcheck/no-crash: %d runs exit 0, 1 or 2 (slowest %.1fs: %s)' % (checked, slowest[0] / 1000, slowest[1]))
for key, msg in false[:20]:
    print('FAIL types-errorcheck/false/%s: gomem reports "%s", gc nothing on this line' % (key, msg))
stale = [] if sampled else sorted(set(expected) - seen_expected)
msg = '%d false lines not explained (max %d), %d explained in expected-false.txt' % (len(false), maxfalse, len(seen_expected))
if stale:
    msg += '; no longer false, remove from expected-false.txt: %s' % ' '.join(stale[:5])
print(('ok' if len(false) <= maxfalse else 'FAIL') + ' types-errorcheck/false-lines: ' + msg)
pct = 100.0 * covered / gclines if gclines else 0
if sampled:
    floor = 0
with open(os.path.join(work, 'missed.txt'), 'w') as out:  # gc's errors gomem does not report yet
    out.write('\n'.join(missed) + '\n')
print(('ok' if pct >= floor else 'FAIL') + ' types-errorcheck/coverage: gomem reports %d of the %d lines where gc reports an error (%.2f%%, floor %.1f%%); gc\'s message on %d of them; first error line agrees in %d of %d files (missed lines: %s)'
      % (covered, gclines, pct, floor, samemsg, firstok, firsttot, os.path.join(work, 'missed.txt')))
PY
