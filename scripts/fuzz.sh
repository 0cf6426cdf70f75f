#!/usr/bin/env bash
# Builds every libFuzzer target (fuzz/fuzz_NAME.c) with clang and runs each for $1 seconds
# (default 60). A target's corpus starts from fuzz/seed_NAME.sh when present (it prints seed
# file paths, e.g. std sources) plus the regression inputs in tests/fuzz/NAME/.
# Crashes land in build-fuzz/crashes/NAME/; copy each into tests/fuzz/NAME/ with the fix, and
# `make check` replays it forever after.
set -eu
secs=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
flags="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link"
make -s B=build-fuzz CC=clang OPT="$flags" build-fuzz/libgomem.a
status=0
for src in fuzz/fuzz_*.c; do
	name=$(basename "$src" .c); name=${name#fuzz_}
	bin=build-fuzz/fuzz_$name
	clang -std=c11 -D_GNU_SOURCE -O1 -g -Isrc -fsanitize=fuzzer,address,undefined \
		-o "$bin" "$src" build-fuzz/libgomem.a $(make -s print-libs)
	corpus=build-fuzz/corpus/$name; crashes=build-fuzz/crashes/$name
	mkdir -p "$corpus" "$crashes"
	if [ -x "fuzz/seed_$name.sh" ] && [ -z "$(ls -A "$corpus")" ]; then
		"fuzz/seed_$name.sh" | head -2000 | while read -r f; do cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-16)"; done
	fi
	[ -d "tests/fuzz/$name" ] && cp tests/fuzz/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz: $name for ${secs}s"
	if ! "$bin" "$corpus" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
		-artifact_prefix="$crashes/" -print_final_stats=1 2>"build-fuzz/$name.log"; then
		echo "fuzz: $name found a crash: see build-fuzz/$name.log and $crashes/"; status=1
	fi
	grep -E 'stat::number_of_executed_units|cov:' "build-fuzz/$name.log" | tail -2
done
exit $status
