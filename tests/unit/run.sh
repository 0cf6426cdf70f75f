#!/usr/bin/env bash
# C unit tests: every tests/unit/*.c is built by make as $BUILD/tests/NAME and run here.
set -u
for t in "$TESTS"/unit/*.c; do
	bin="$BUILD/tests/$(basename "$t" .c)"
	if [ ! -x "$bin" ]; then echo "FAIL unit/$(basename "$t" .c): not built"; continue; fi
	"$bin"; rc=$?
	[ $rc = 0 ] || echo "FAIL unit/$(basename "$t" .c): exited with status $rc"
done
