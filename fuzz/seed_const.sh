#!/usr/bin/env bash
# Seeds for fuzz_const: each program line of tests/types/constops.txt as its own file.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-fuzz/seeds-const
mkdir -p "$out"
i=0
grep -v '^#' "$root/tests/types/constops.txt" | while IFS= read -r line; do
	i=$((i + 1))
	printf '%s\n' "$line" >"$out/$i"
	echo "$out/$i"
done
