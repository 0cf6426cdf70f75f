#!/usr/bin/env bash
# The type checker: `gomem types -dump` against go/types doing the same work (the typesdump
# oracle: go/parser + go/types with the source importer, printing the same dump) on every std
# package (CGO_ENABLED=0), best of 3 wall-clock runs, CPU time (user+sys) and max RSS. The
# oracle is built into build/oracle when missing. gomem checks on every core by default
# (-j); its one-thread figure (-j 1) is printed too, with the speed-up between the two, and
# the speed-up the import graph allows (bench/types_sched.py, from $GOMEM_TYPES_TRACE).
set -u
GOMEM=${GOMEM:?} GO=${GO:-go}
root=$(cd "$(dirname "$0")/.." && pwd)
oracle=$root/build/oracle/typesdump
if [ ! -x "$oracle" ] || [ "$root/tests/oracle/typesdump/main.go" -nt "$oracle" ]; then
	mkdir -p "$root/build/oracle"
	(cd "$root/tests/oracle/typesdump" && GOTOOLCHAIN=local "$GO" build -o "$oracle" main.go) || { echo "types: cannot build the oracle"; exit 0; }
fi
export CGO_ENABLED=0
d=$(mktemp -d) && cd "$d" || exit 2
tf=$d/time
trap 'rm -rf "$d"' EXIT
best() { # best wall ms, its cpu ms and max RSS KB over $RUNS (3) runs of "$@"
	local b=999999 c=0 r=0
	for ((k = 0; k < ${RUNS:-3}; k++)); do
		local w u s m
		/usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" >/dev/null 2>&1
		read -r w u s m <"$tf"
		local wm=$(awk -v w="$w" 'BEGIN { printf "%d", w * 1000 }')
		if [ "$wm" -lt "$b" ]; then b=$wm; r=$m; c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }'); fi
	done
	echo "$b $c $r"
}
pkgs=$("$GO" list std | grep -v -e '^vendor/' -e '^unsafe$' -e '^internal/runtime/cgobench$') # cgobench: no files without cgo (the oracle would stop there)
n=$(echo "$pkgs" | wc -l)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
# shellcheck disable=SC2086
read -r gw1 gc1 gr1 <<<"$(best "$GOMEM" types -j 1 -dump $pkgs)"
# shellcheck disable=SC2086
read -r gw gc gr <<<"$(best "$GOMEM" types -dump $pkgs)"
# shellcheck disable=SC2086
read -r ow oc or <<<"$(best "$oracle" $pkgs)"
ratio=$(awk -v a="$ow" -v b="$gw" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }')
par=$(awk -v a="$gw1" -v b="$gw" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }')
echo "types -dump std ($n packages): gomem -j 1 ${gw1} ms (cpu ${gc1} ms, ${gr1} KB), -j $ncpu ${gw} ms (cpu ${gc} ms, ${gr} KB): ${par}x on $ncpu cores"
echo "types -dump std: gomem ${gw} ms, go/types ${ow} ms (cpu ${oc} ms, ${or} KB): ${ratio}x"

# What the checker records for later stages: every expression's type (Info.Types) and the
# variable facts, against go/types printing the same (typesdump -types / -facts).
for mode in types facts; do
	# shellcheck disable=SC2086
	read -r gw gc gr <<<"$(best "$GOMEM" types -$mode $pkgs)"
	# shellcheck disable=SC2086
	read -r ow oc or <<<"$(best "$oracle" -$mode $pkgs)"
	ratio=$(awk -v a="$ow" -v b="$gw" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }')
	echo "types -$mode std: gomem ${gw} ms (cpu ${gc} ms, ${gr} KB), go/types ${ow} ms (cpu ${oc} ms, ${or} KB): ${ratio}x"
done

# The issue's reference: `go build -a std` with an empty build cache (one run: it takes minutes),
# against `gomem types std` (check only, no dump) measured just before it.
read -r tw1 tc1 tr1 <<<"$(best "$GOMEM" types -j 1 std)"
read -r tw tc tr <<<"$(best "$GOMEM" types std)"
par=$(awk -v a="$tw1" -v b="$tw" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }')
echo "types std: gomem -j 1 ${tw1} ms (cpu ${tc1} ms, ${tr1} KB), -j $ncpu ${tw} ms (cpu ${tc} ms, ${tr} KB): ${par}x on $ncpu cores"
# the speed-up std's import graph allows, from the CPU time of each package's steps (wall
# time on a shared machine says little about it): bench/types_sched.py replays the scheduler
if command -v python3 >/dev/null; then
	GOMEM_TYPES_TRACE=$d/trace "$GOMEM" types std >/dev/null 2>&1
	echo "types std, scheduling: $(python3 "$root/bench/types_sched.py" "$d/trace" 1 2 4 8 16)"
fi
export GOCACHE=$d/gocache GOFLAGS=
/usr/bin/time -o "$tf" -f '%e %U %S %M' "$GO" build -a std >/dev/null 2>&1
read -r w u s m <"$tf"
bw=$(awk -v w="$w" 'BEGIN { printf "%d", w * 1000 }')
bc=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')
ratio=$(awk -v a="$bw" -v b="$tw" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }')
echo "types std: gomem ${tw} ms (cpu ${tc} ms, ${tr} KB), go build -a std with an empty cache ${bw} ms (cpu ${bc} ms, ${m} KB, the largest single process): ${ratio}x (target >= 10x, peak < 1 GB)"
