#!/usr/bin/env bash
# make demo: runs gomem on the bundled example (examples/leaky and the real artifacts it wrote,
# examples/artifacts; see examples/artifacts/README.md).
set -u
cd "$(dirname "$0")/.."
g=build/gomem
run() {
	echo
	echo "\$ gomem $*"
	"$g" "$@"
	echo "(exit status $?)"
}
run --version
run parse examples/leaky/main.go
(cd examples/leaky && g=../../build/gomem && echo && echo "\$ (cd examples/leaky && gomem list -f '{{.ImportPath}} imports {{join .Imports \" \"}}' .)" && $g list -f '{{.ImportPath}} imports {{join .Imports " "}}' . ; echo "(exit status $?)")
run heapdiff examples/artifacts/heap-base.pb.gz examples/artifacts/heap-cur.pb.gz
run goroutines examples/artifacts/goroutines.txt
run gctrace --svg build/demo-heap.svg examples/artifacts/gctrace.log
echo
echo "The heap chart is in build/demo-heap.svg."
exit 0
