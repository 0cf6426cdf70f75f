#!/usr/bin/env bash
# Seeds for fuzz_pprof: heap profiles written by tests/oracle/heapleak (protobuf gzip and
# plain, legacy text), produced into build-fuzz/seeds/pprof when missing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-fuzz/seeds/pprof
if [ ! -s "$out/cur.pb" ]; then
	mkdir -p "$out"
	go=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
	(cd "$root" && "$go" build -o "$out/heapleak" ./tests/oracle/heapleak/main.go) >&2
	"$out/heapleak" -o "$out" >/dev/null
	gzip -dc "$out/base.pb.gz" >"$out/base.pb"
	gzip -dc "$out/cur.pb.gz" >"$out/cur.pb"
	head -c 2000 "$out/cur.txt" >"$out/small.txt"
	rm -f "$out/heapleak"
fi
ls "$out"/*.pb "$out"/*.pb.gz "$out"/*.txt
