#!/usr/bin/env bash
# The package loader: `gomem list -deps std` against `go list -deps std` (the go command keeps
# a module index cache, so its figures are for a warm cache), best of 5 wall-clock runs, and
# CPU time (user+sys) of the same runs.
set -u
GOMEM=${GOMEM:?} GO=${GO:-go}
best() { # best wall ms, its cpu ms and max RSS KB over 5 runs of "$@"
	local b=999999 c=0 r=0
	for _ in 1 2 3 4 5; do
		local w u s m
		/usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" >/dev/null 2>&1
		read -r w u s m <"$tf"
		local wm=$(awk -v w="$w" 'BEGIN { printf "%d", w * 1000 }')
		if [ "$wm" -lt "$b" ]; then b=$wm; r=$m; c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }'); fi
	done
	echo "$b $c $r"
}
d=$(mktemp -d) && cd "$d" || exit 2
tf=$d/time
trap 'rm -rf "$d"' EXIT
for pat in "-deps std" "std"; do
	# shellcheck disable=SC2086
	read -r gw gc gr <<<"$(best "$GOMEM" list $pat)"
	# shellcheck disable=SC2086
	read -r ow oc or <<<"$(best "$GO" list $pat)"
	n=$("$GOMEM" list $pat | wc -l)
	ratio=$(awk -v a="$ow" -v b="$gw" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }')
	echo "list $pat ($n packages): gomem ${gw} ms (cpu ${gc} ms, ${gr} KB), go ${ow} ms (cpu ${oc} ms, ${or} KB): ${ratio}x"
done
