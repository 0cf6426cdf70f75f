#!/usr/bin/env bash
# Replays every input a fuzzer ever crashed on (tests/fuzz/NAME/*) through its target.
set -u
shopt -s nullglob
for dir in "$TESTS"/fuzz/*/; do
	name=$(basename "$dir")
	bin="$BUILD/fuzz-replay/fuzz_$name"
	[ -x "$bin" ] || { echo "FAIL fuzz/$name: replayer not built"; continue; }
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		if timeout 60 "$bin" "$f" >/dev/null 2>"$BUILD/fuzz-replay/last.err"; then
			echo "ok fuzz/$name/$(basename "$f")"
		else
			echo "FAIL fuzz/$name/$(basename "$f"): $(head -3 "$BUILD/fuzz-replay/last.err" | tr '\n' ' ')"
		fi
	done
done
