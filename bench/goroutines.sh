#!/usr/bin/env bash
# gomem goroutines on a 1,000,000-goroutine debug=2 dump: time and peak RSS (/usr/bin/time %M).
#
# The dump. A real program parking a million goroutines fits in memory (about 2.5 GB of stacks),
# but the runtime prints a traceback with one write per field: 100,000 goroutines take ~8 s to
# print here, so a million would take ~80 s, over this benchmark's one-minute budget (set
# BENCH_REAL_1M=1 to do it anyway). runtime/pprof's debug=2 is no way around that: it stops at
# a 64 MB buffer (~200,000 goroutines). So the benchmark runs the real program
# (tests/oracle/manyg) with 100,000 goroutines, times gomem on that real dump, and builds the
# million-goroutine dump by replicating its goroutine blocks with fresh ids (tests/oracle/bigdump).
#
# Compared in the same run: reading the file (wc -l, the floor), grouping by state only with
# grep|sort|uniq -c (what one does by hand), and panicparse's pp (github.com/maruel/panicparse)
# when it is installed (go install github.com/maruel/panicparse/v2/cmd/pp@latest) on the real
# 100k dump; pp also deduplicates arguments and parses sources, so it does more per goroutine.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
GOMEM=${GOMEM:-$root/build/gomem}
GO=${GO:-go}
work=${BENCH_DIR:-$root/build/bench-goroutines}
mkdir -p "$work"
for p in manyg bigdump; do
	if [ ! -x "$work/$p" ] || [ "$root/tests/oracle/$p/main.go" -nt "$work/$p" ]; then
		(cd "$root/tests/oracle/$p" && GOTOOLCHAIN=local "$GO" build -o "$work/$p" .) || { echo "cannot build $p"; exit 0; }
	fi
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)"; exit 0; }

# measure LABEL CMD...: best of 3 runs by wall time, with that run's CPU time (user+sys: the
# machine may be shared, and CPU time is what contention does not inflate) and peak RSS
measure() {
	local label=$1 best="" cpu="" rss="" t u s m
	shift
	for _ in 1 2 3; do
		/usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1
		read -r t u s m < <(tail -1 "$work/t")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then
			best=$t; rss=$m; cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
		fi
	done
	printf '  %-44s %7.2f s wall %7.2f s cpu %9d KB peak RSS\n' "$label" "$best" "$cpu" "$rss"
	LAST_T=$best
	LAST_CPU=$cpu
}

n_real=100000
start=$(date +%s.%N)
GOTRACEBACK=all timeout 120 "$work/manyg" -n $n_real 2>"$work/real.txt" >/dev/null
t_real=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
echo "real dump: $n_real goroutines parked and printed by tests/oracle/manyg in ${t_real} s ($(( $(wc -c <"$work/real.txt") / 1048576 )) MB)"
if [ "${BENCH_REAL_1M:-}" = 1 ]; then
	start=$(date +%s.%N)
	GOTRACEBACK=all timeout 600 "$work/manyg" -n 1000000 2>"$work/big.txt" >/dev/null
	echo "real 1M dump printed in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
else
	"$work/bigdump" -n 1000000 <"$work/real.txt" >"$work/big.txt"
	echo "1M dump: the real blocks replicated with fresh ids ($(( $(wc -c <"$work/big.txt") / 1048576 )) MB)"
fi
"$GOMEM" goroutines "$work/big.txt" 2>/dev/null | head -1 | sed 's/^/  /'

echo "1,000,000 goroutines:"
measure "gomem goroutines (file)" "$GOMEM" goroutines "$work/big.txt"
g=$LAST_CPU
measure "gomem goroutines -json (stdin)" sh -c "'$GOMEM' goroutines -json - <'$work/big.txt'"
measure "wc -l (reading the file)" wc -l "$work/big.txt"
measure "grep|sed|sort|uniq -c (by state only)" sh -c "grep '^goroutine ' '$work/big.txt' | sed 's/.*\\[//; s/,.*//; s/\\].*//' | sort | uniq -c"
s=$LAST_CPU
awk -v g="$g" -v s="$s" 'BEGIN { printf "  by CPU time, gomem is %.1fx the speed of the by-state shell pipeline\n", s / g }'

echo "$n_real goroutines (the real dump):"
measure "gomem goroutines" "$GOMEM" goroutines "$work/real.txt"
g=$LAST_CPU
PP=$(command -v pp || echo "${GOPATH:-$HOME/go}/bin/pp")
if [ -x "$PP" ] && "$PP" -h 2>&1 | grep -q aggressive; then
	measure "panicparse pp" "$PP" -no-color "$work/real.txt"
	awk -v g="$g" -v p="$LAST_CPU" 'BEGIN { printf "  by CPU time, gomem is %.0fx the speed of panicparse\n", p / (g > 0 ? g : 0.01) }'
else
	echo "  panicparse (pp) is not installed: no comparison with it in this run"
fi
rm -f "$work/big.txt"
