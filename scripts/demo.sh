#!/usr/bin/env bash
# make demo: runs gomem on the bundled example (examples/leaky and the real artifacts it wrote,
# examples/artifacts; see examples/artifacts/README.md).
set -u
cd "$(dirname "$0")/.."
g=$PWD/build/gomem
say() { echo; echo "# $*"; }
run() {
	local shown=gomem a
	for a in "$@"; do
		case $a in *[\ \"\{]*) shown="$shown '$a'" ;; *) shown="$shown $a" ;; esac
	done
	echo "\$ $shown"
	"$g" "$@"
	echo "(exit status $?)"
}
echo "gomem demo: examples/leaky is a small Go program that leaks on purpose (a growing cache,"
echo "sub-slices pinning big buffers, goroutines blocked forever). The artifacts it wrote while"
echo "running are in examples/artifacts. Exit status: 0 clean, 1 problems found, 2 errors."
say "The program's syntax, checked as the Go compiler does (no output: it parses)"
run parse examples/leaky/main.go
say "Its package and imports, as go list reports them (run in examples/leaky)"
(cd examples/leaky && run list -f '{{.ImportPath}} imports {{join .Imports " "}}' .)
say "Its type-checked identifiers, as go/types records them (first 6 of the dump)"
(cd examples/leaky && echo "\$ gomem types -dump . | head -6" && "$g" types -dump . | head -6 | sed "s|$PWD/||")
say "What grew between heap profiles written before and after its leaky work (top 5 rows)"
run heapdiff -top 5 examples/artifacts/heap-base.pb.gz examples/artifacts/heap-cur.pb.gz
say "Its goroutine dump, grouped by stack: blocked groups are leak suspects"
run goroutines examples/artifacts/goroutines.txt
say "Its GODEBUG=gctrace=1 log: does the live heap after each GC keep growing?"
run gctrace -svg build/demo-heap.svg examples/artifacts/gctrace.log
echo
echo "Against a live service that serves net/http/pprof:"
echo "    gomem watch http://localhost:6060"
echo "Run 'build/gomem help' for every command."
exit 0
