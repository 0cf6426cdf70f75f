#!/usr/bin/env bash
# The type representation against go/types: tests/oracle/typestring type-checks
# tests/types/corpus.go and prints each declaration's TypeString, gc amd64 size, alignment,
# field offsets, method sets, ObjectStrings, field/method lookups and pairwise predicates, and the corpus compiled by
# gc prints the runtime's sizes and pointer-data sizes; $BUILD/tests/types_corpus_test builds
# the same types through src/types and compares (one ok/FAIL line per declaration). Then constants: the oracle
# tests/oracle/constops evaluates tests/types/constops.txt with go/constant and
# $BUILD/tests/const_corpus_test compares gomem's results line by line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$BUILD/types-test
mkdir -p "$work" "$BUILD/oracle"
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types/oracle: no Go toolchain"; exit 0; fi

# oracle NAME: builds tests/oracle/NAME into $BUILD/oracle/NAME when missing or stale
oracle() {
	local bin=$BUILD/oracle/$1
	if [ ! -x "$bin" ] || [ "$root/tests/oracle/$1/main.go" -nt "$bin" ]; then
		(cd "$root/tests/oracle/$1" && GOTOOLCHAIN=local "$GO" build -o "$bin" main.go) || return 1
	fi
}

# expected output, cached until the corpus or the oracle changes
oracle typestring || { echo "FAIL types/oracle-typestring: go build failed"; exit 0; }
exp=$work/typestring.txt
if [ ! -s "$exp" ] || [ "$here/corpus.go" -nt "$exp" ] || [ "$BUILD/oracle/typestring" -nt "$exp" ]; then
	"$BUILD/oracle/typestring" "$here/corpus.go" >"$exp.tmp" 2>"$work/typestring.err" && mv "$exp.tmp" "$exp" ||
		{ echo "FAIL types/oracle-typestring: $(head -3 "$work/typestring.err")"; exit 0; }
fi
# the runtime's view of the same types: the corpus compiled by gc, printing reflect sizes and
# abi.Type.PtrBytes (gc's PtrDataSize)
ptrs=$work/ptrs.txt
if [ ! -s "$ptrs" ] || [ "$here/corpus.go" -nt "$ptrs" ] || [ "$BUILD/oracle/typestring" -nt "$ptrs" ]; then
	mkdir -p "$work/ptrgen"
	if "$BUILD/oracle/typestring" -gen "$here/corpus.go" "$work/ptrgen/main.go" 2>"$work/ptrgen.err" &&
		(cd "$work/ptrgen" && GOTOOLCHAIN=local "$GO" build -o "$work/ptrgen.bin" main.go) 2>>"$work/ptrgen.err"; then
		"$work/ptrgen.bin" >"$ptrs.tmp" && mv "$ptrs.tmp" "$ptrs"
	else
		echo "FAIL types/oracle-ptrgen: $(head -3 "$work/ptrgen.err")"
	fi
fi
"$BUILD/tests/types_corpus_test" "$here/corpus.go" "$exp" "$ptrs"

if [ -f "$root/tests/oracle/constops/main.go" ]; then
	oracle constops || { echo "FAIL types/oracle-constops: go build failed"; exit 0; }
	cexp=$work/constops.txt
	if [ ! -s "$cexp" ] || [ "$here/constops.txt" -nt "$cexp" ] || [ "$BUILD/oracle/constops" -nt "$cexp" ]; then
		"$BUILD/oracle/constops" "$here/constops.txt" >"$cexp" 2>"$work/constops.err" ||
			{ echo "FAIL types/oracle-constops: $(head -3 "$work/constops.err")"; exit 0; }
	fi
	"$BUILD/tests/const_corpus_test" "$here/constops.txt" "$cexp"
fi
