#!/usr/bin/env python3
"""Compares `gomem heapdiff --json` with `go tool pprof -top -unit=B` output, function by function.

usage: compare.py [--sites] GOMEM_JSON PPROF_TOP [--skip NAME]...
Prints "agree N" or the disagreements (one per line) and exits 1.
pprof's rows: flat flat% sum% cum cum% name [(inline)]; values like 10485760B, -48B, 0.
With --sites, PPROF_TOP is `-top -lines` output (name "func file:line") and the flat value of
every allocation site is compared with gomem's "sites".
"""
import json, re, sys

def value(s):
    m = re.fullmatch(r'(-?\d+)B?', s)
    if not m:
        raise ValueError('cannot read pprof value %r' % s)
    return int(m.group(1))

def main():
    args = sys.argv[1:]
    skip = set()
    while '--skip' in args:
        i = args.index('--skip'); skip.add(args[i + 1]); del args[i:i + 2]
    sites = '--sites' in args
    if sites:
        args.remove('--sites')
    g = json.load(open(args[0]))
    if sites:
        ours = {'%s %s:%d' % (s['function'], s['file'], s['line']): (s['flat'],) for s in g['sites']}
    else:
        ours = {f['function']: (f['flat'], f['cum']) for f in g['functions']}
    theirs = {}
    rows = False
    for line in open(args[1]):
        if re.match(r'\s*flat\s+flat%\s+sum%\s+cum\s+cum%', line):
            rows = True
            continue
        if not rows or not line.strip():
            continue
        parts = line.split(None, 5)
        name = parts[5].rstrip('\n')
        name = re.sub(r' \((inline|partial-inline)\)$', '', name)
        if sites:
            if value(parts[0]) != 0:
                theirs[name] = (value(parts[0]),)
        else:
            theirs[name] = (value(parts[0]), value(parts[3]))
    bad = []
    for name in sorted(set(ours) | set(theirs)):
        if name in skip:
            continue
        a, b = ours.get(name), theirs.get(name)
        if a != b:
            bad.append('%s: gomem %s pprof %s' % (name, a, b))
    if not theirs:
        bad.append('no rows in the pprof output')
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print('agree %d' % len(theirs))

main()
