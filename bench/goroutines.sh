#!/usr/bin/env bash
# gomem goroutines on a 1,000,000-goroutine debug=2 dump: time and peak RSS (/usr/bin/time %M).
#
# The dump is real: tests/oracle/manyg parks a million goroutines in four blocking functions
# (about 2.7 GB of memory) and panics with GOTRACEBACK=all, so the runtime prints all of them
# (runtime/pprof's debug=2 could not: it stops at a 64 MB buffer, ~200,000 goroutines). Printing
# takes the runtime ~40 s here (one write per field); if it fails or takes over 120 s, the
# benchmark falls back to replicating the goroutine blocks of a real 100,000-goroutine dump with
# fresh ids (tests/oracle/bigdump), and says so. BENCH_REPLICATE=1 skips the real million.
#
# Compared in the same run: reading the file (wc -l, the floor), grouping by state only with
# grep|sort|uniq -c (what one does by hand), and panicparse's pp (github.com/maruel/panicparse)
# when it is installed (go install github.com/maruel/panicparse/v2/cmd/pp@latest), on the real
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
real1m=0
if [ "${BENCH_REPLICATE:-}" != 1 ]; then
	start=$(date +%s.%N)
	/usr/bin/time -f %M -o "$work/m.rss" env GOTRACEBACK=all timeout 120 "$work/manyg" -n 1000000 2>"$work/big.txt" >/dev/null
	t=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	if grep -q '^goroutine 1000001 ' "$work/big.txt" || [ "$(grep -c '^goroutine ' "$work/big.txt")" -ge 1000000 ]; then
		real1m=1
		echo "1M dump: real, parked and printed by tests/oracle/manyg in $t s, $(( $(tail -1 "$work/m.rss") / 1024 )) MB peak RSS ($(( $(wc -c <"$work/big.txt") / 1048576 )) MB of text)"
	else
		echo "1M dump: the real program did not finish printing within 120 s ($t s); replicating instead"
	fi
fi
if [ $real1m = 0 ]; then
	"$work/bigdump" -n 1000000 <"$work/real.txt" >"$work/big.txt"
	echo "1M dump: the real 100k dump's blocks replicated with fresh ids ($(( $(wc -c <"$work/big.txt") / 1048576 )) MB)"
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
