#!/usr/bin/env bash
# heapdiff vs `go tool pprof -top -base` on the same real heap profiles, in the same run.
# Profiles come from tests/oracle/heapleak (MemProfileRate=1, up to 2^14 distinct stacks).
# Prints the profile sizes, the mean wall time of each tool over several runs, and the ratio.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
GOMEM=${GOMEM:-$root/build/gomem}
work=$root/build/bench-heapdiff
mkdir -p "$work"
if [ ! -x "$work/heapleak" ] || [ "$root/tests/oracle/heapleak/main.go" -nt "$work/heapleak" ]; then
	(cd "$root" && "$GO" build -o "$work/heapleak" ./tests/oracle/heapleak/main.go)
fi
runs=${RUNS:-5}
# mean() CMD...: "WALL CPU", the mean wall and user+system seconds over $runs runs (after one
# warm-up). CPU time is the steadier figure on a shared machine.
mean() {
	"$@" >/dev/null 2>&1
	local out TIMEFORMAT='%R %U %S'
	out=$( { time (for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done) ; } 2>&1 )
	set -- $out
	echo "$(echo "$1 / $runs" | bc -l) $(echo "($2 + $3) / $runs" | bc -l)"
}
# STACKS:TEXT -- allocations through distinct stacks before each profile; TEXT=1 also
# writes (and times) the debug=1 text form, which is slow to produce for big profiles.
for spec in 0:1 5000:1 100000:0; do
	n=${spec%:*} text=${spec#*:}
	d=$work/s$n
	mkdir -p "$d"
	[ -s "$d/cur.pb.gz" ] || "$work/heapleak" -o "$d" -stacks $n -text=$([ $text = 1 ] && echo true || echo false) >/dev/null
	samples=$("$GO" tool pprof -raw "$d/cur.pb.gz" 2>/dev/null | grep -c '^ *[0-9-]* *[0-9-]* *[0-9-]* *[0-9-]*:' || true)
	size=$(stat -c %s "$d/cur.pb.gz")
	read -r gw gc <<<"$(mean "$GOMEM" heapdiff --json "$d/base.pb.gz" "$d/cur.pb.gz")"
	read -r pw pc <<<"$(mean "$GO" tool pprof -top -nodecount=1000000 -nodefraction=0 -edgefraction=0 -unit=B \
		-base "$d/base.pb.gz" "$d/cur.pb.gz")"
	printf 'heapdiff stacks=%-6s %7d bytes gz, %5d samples: wall gomem %.4fs pprof %.4fs = %.1fx; cpu gomem %.4fs pprof %.4fs = %.1fx\n' \
		"$n" "$size" "$samples" "$gw" "$pw" "$(echo "$pw / $gw" | bc -l)" "$gc" "$pc" "$(echo "$pc / ($gc + 0.0001)" | bc -l)"
	if [ $text = 1 ]; then
		read -r tw tc <<<"$(mean "$GOMEM" heapdiff --json "$d/base.txt" "$d/cur.txt")"
		printf '                (gomem on the same profiles as debug=1 text, %d bytes: wall %.4fs, cpu %.4fs)\n' \
			"$(stat -c %s "$d/cur.txt")" "$tw" "$tc"
	fi
done
