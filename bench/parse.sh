#!/usr/bin/env bash
# Parser speed and memory: `gomem parse` against `gofmt -l` on the same files in the same run:
# the standard library's non-test sources ($GOROOT/src outside cmd/, testdata/ and *_test.go).
# Each tool runs over all files in one process (xargs with large batches), 3 times; the best
# wall time is kept. Peak memory is GNU time's maximum resident set (%M). Figures only.
# Targets (the parser's issue): >= 10x faster than gofmt -l, peak memory < 3x the source size.
set -u
: "${GOMEM:?}"
GO=${GO:-go}
goroot=$("$GO" env GOROOT)
gofmt=$goroot/bin/gofmt
[ -x "$gofmt" ] || gofmt=$(command -v gofmt)
TIME=/usr/bin/time
[ -x $TIME ] || { echo "bench/parse: GNU time missing (Debian package 'time', scripts/deps.sh)"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$goroot/src" \( -path "$goroot/src/cmd" -o -name testdata \) -prune -o \
	-name '*.go' ! -name '*_test.go' -type f -print | LC_ALL=C sort > "$tmp/list"
files=$(wc -l < "$tmp/list")
bytes=$(xargs -a "$tmp/list" -s 1000000 cat | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}')
# run NAME CMD...: best-of-3 wall seconds and the largest peak RSS (KiB) into $NAME_t, $NAME_m
run() {
	local name=$1; shift
	local best= peak=0 i t m rc
	for i in 1 2 3; do
		$TIME -f '%e %M' -o "$tmp/time" xargs -a "$tmp/list" -s 1000000 "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
		rc=$?
		read -r t m < <(tail -1 "$tmp/time")
		[ $rc = 0 ] || echo "  ($name exited with status $rc: $(head -c 200 "$tmp/$name.err" | tr '\n' ' '))"
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
		[ "$m" -gt "$peak" ] && peak=$m
	done
	printf -v "${name}_t" '%s' "$best"; printf -v "${name}_m" '%s' "$peak"
}
xargs -a "$tmp/list" -s 1000000 cat > /dev/null    # warm the page cache
run gomem "$GOMEM" parse
run gofmt "$gofmt" -l
awk -v f="$files" -v mb="$mb" -v b="$bytes" -v gt="$gomem_t" -v gm="$gomem_m" -v ft="$gofmt_t" -v fm="$gofmt_m" 'BEGIN {
	printf "parse: %d files, %.1f MB (std non-test sources outside cmd)\n", f, mb
	printf "  gomem parse : %6.2f s  %7.1f MB/s  peak %6.1f MB (%.2fx source)\n", gt, (gt > 0 ? mb/gt : 0), gm/1024, gm*1024/b
	printf "  gofmt -l    : %6.2f s  %7.1f MB/s  peak %6.1f MB (%.2fx source)\n", ft, (ft > 0 ? mb/ft : 0), fm/1024, fm*1024/b
	printf "  speed ratio : gomem is %.1fx faster than gofmt -l (target >= 10x); memory target < 3x source\n", (gt > 0 ? ft/gt : 0)
}'
