#!/usr/bin/env python3
"""Checks the known leaks of tests/oracle/heapleak in `gomem heapdiff --json` output.

usage: knowns.py JSON SOURCE SCALE  -- prints one problem per line; exit 1 on any.
"""
import json, sys

g = json.load(open(sys.argv[1]))
src = open(sys.argv[2]).read().split('\n')
n = int(sys.argv[3])
f = {x['function']: x for x in g['functions']}
sites = {(s['function'], s['line']): s['flat'] for s in g['sites']}

def line_of(text):
    for i, l in enumerate(src):
        if text in l:
            return i + 1
    raise SystemExit('source line not found: ' + text)

want = [
    ('main.leakA', 10 * (1 << 20) * n, 'make([]byte, 1<<20)'),
    ('main.leakB', 3 * (512 << 10) * n, 'make([]byte, 512<<10)'),
    ('main.grow', 4 * (64 << 10) * n, 'make([]byte, 64<<10)'),
    ('main.recur', 5 * (32 << 10) * n, 'make([]byte, 32<<10)'),
]
bad = []
for name, amount, text in want:
    x = f.get(name)
    if not x:
        bad.append('%s missing' % name)
        continue
    if x['flat'] != amount:
        bad.append('%s flat %d, want %d' % (name, x['flat'], amount))
    if x['cum'] != amount:
        bad.append('%s cum %d, want %d (recursion/inlining counted once)' % (name, x['cum'], amount))
    s = sites.get((name, line_of(text)))
    if s != amount:
        bad.append('%s site line %d flat %s, want %d' % (name, line_of(text), s, amount))
c = f.get('main.leakC')
if not c or c['cum'] < 4 * (64 << 10) * n or c['cum'] - c['flat'] != 4 * (64 << 10) * n:
    bad.append('main.leakC cum-flat should be the inlined grow: %s' % c)
if g['sample_type'] != 'inuse_space' or g['unit'] != 'bytes':
    bad.append('sample type %s %s' % (g['sample_type'], g['unit']))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
