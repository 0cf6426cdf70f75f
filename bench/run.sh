#!/usr/bin/env bash
# Benchmarks: each bench/*.sh prints its figures, with ratios against the Go tool doing the
# same work measured in the same run. Figures only: nothing here fails on a slow machine.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export GOMEM=${GOMEM:-$here/../build/gomem}
export GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
for b in "$here"/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	bash "$b"
done
