#!/usr/bin/env python3
"""The speed-up the import graph allows gomem types on N cores, from a trace of the CPU time
each package's steps took ($GOMEM_TYPES_TRACE, see src/types/cmd_types.c): replays the
scheduler of load_run_prep (a ready package's check first, lowest run-order first; else the
next parse in run order) on N ideal threads. Independent of whatever else the machine runs,
unlike wall-clock time on a shared machine; it ignores lock waits and memory bandwidth.

usage: types_sched.py TRACE [N...]
"""
import heapq
import sys


def simulate(load, prep, check, deps, importers, n):
    pending = [len(d) + 1 for d in deps]  # imports + own parse
    ready = []  # heap of seq
    nextprep = 0
    running = []  # heap of (finish, kind, seq)
    now = 0
    idle = n
    done = 0
    total = len(prep)

    def release(s):
        pending[s] -= 1
        if pending[s] == 0:
            heapq.heappush(ready, s)

    while done < total:
        while idle > 0 and (ready or nextprep < total):
            if ready:
                s = heapq.heappop(ready)
                heapq.heappush(running, (now + check[s], 1, s))
            else:
                s = nextprep
                nextprep += 1
                heapq.heappush(running, (now + prep[s], 0, s))
            idle -= 1
        t, kind, s = heapq.heappop(running)
        now = t
        idle += 1
        if kind == 0:
            release(s)
        else:
            done += 1
            for q in importers[s]:
                release(q)
    return load + now


def main():
    lines = open(sys.argv[1]).read().split("\n")
    load = int(lines[0].split()[1])
    rows = [l.split() for l in lines[1:] if l.strip()]
    m = len(rows)
    prep, check, deps = [0] * m, [0] * m, [[] for _ in range(m)]
    for r in rows:
        s = int(r[0])
        prep[s], check[s] = int(r[1]), int(r[2])
        deps[s] = [int(x) for x in r[3:] if int(x) >= 0]
    importers = [[] for _ in range(m)]
    for s in range(m):
        for d in deps[s]:
            importers[d].append(s)
    # the longest chain of checks (plus each one's parse, which can start at once)
    finish = [0] * m
    for s in range(m):  # run order is a topological order
        finish[s] = max([prep[s]] + [finish[d] for d in deps[s]]) + check[s]
    crit = load + max(finish)
    ns = [int(x) for x in sys.argv[2:]] or [1, 2, 4, 8]
    one = simulate(load, prep, check, deps, importers, 1)
    out = []
    for n in ns:
        t = simulate(load, prep, check, deps, importers, n)
        out.append("%d cores %d ms (%.2fx)" % (n, t // 1000, one / t))
    print("cpu %d ms (load %d ms on one thread, parse %d ms, check %d ms); ideal schedule: %s; critical path %d ms (%.2fx)"
          % ((load + sum(prep) + sum(check)) // 1000, load // 1000, sum(prep) // 1000, sum(check) // 1000,
             ", ".join(out), crit // 1000, one / crit))


main()
