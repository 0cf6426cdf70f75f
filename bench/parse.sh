#!/usr/bin/env bash
# Parser speed and memory: `gomem parse` against `gofmt -l` on the same files in the same run:
# the standard library's non-test sources ($GOROOT/src outside cmd/, testdata/ and *_test.go).
# Each tool runs over all files in one process (xargs with large batches), 3 times; the best
# wall time and the best CPU time (user+sys: steadier on a loaded machine; gofmt uses several
# threads, gomem one) are kept. Peak memory is GNU time's maximum resident set (%M).
# Figures only.
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
# run NAME CMD...: best-of-3 wall and CPU seconds and the largest peak RSS (KiB) into
# $NAME_t, $NAME_c, $NAME_m
run() {
	local name=$1; shift
	local best= bestc= peak=0 i t u s c m rc
	for i in 1 2 3; do
		$TIME -f '%e %U %S %M' -o "$tmp/time" xargs -a "$tmp/list" -s 1000000 "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
		rc=$?
		read -r t u s m < <(tail -1 "$tmp/time")
		c=$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')
		[ $rc = 0 ] || echo "  ($name exited with status $rc: $(head -c 200 "$tmp/$name.err" | tr '\n' ' '))"
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
		if [ -z "$bestc" ] || awk -v a="$c" -v b="$bestc" 'BEGIN{exit !(a<b)}'; then bestc=$c; fi
		[ "$m" -gt "$peak" ] && peak=$m
	done
	printf -v "${name}_t" '%s' "$best"; printf -v "${name}_c" '%s' "$bestc"; printf -v "${name}_m" '%s' "$peak"
}
xargs -a "$tmp/list" -s 1000000 cat > /dev/null    # warm the page cache
run gomem "$GOMEM" parse
run gofmt "$gofmt" -l
awk -v f="$files" -v mb="$mb" -v b="$bytes" -v gt="$gomem_t" -v gc="$gomem_c" -v gm="$gomem_m" \
	-v ft="$gofmt_t" -v fc="$gofmt_c" -v fm="$gofmt_m" -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)" 'BEGIN {
	printf "parse: %d files, %.1f MB (std non-test sources outside cmd); load average %s\n", f, mb, load
	printf "  gomem parse : wall %6.2f s %7.1f MB/s   cpu %6.2f s %7.1f MB/s   peak %6.1f MB (%.2fx source)\n", gt, (gt > 0 ? mb/gt : 0), gc, (gc > 0 ? mb/gc : 0), gm/1024, gm*1024/b
	printf "  gofmt -l    : wall %6.2f s %7.1f MB/s   cpu %6.2f s %7.1f MB/s   peak %6.1f MB (%.2fx source)\n", ft, (ft > 0 ? mb/ft : 0), fc, (fc > 0 ? mb/fc : 0), fm/1024, fm*1024/b
	printf "  ratio       : gomem is %.1fx faster than gofmt -l in wall time, %.1fx in CPU time (target >= 10x); peak memory %.2fx source (target < 3x)\n", (gt > 0 ? ft/gt : 0), (gc > 0 ? fc/gc : 0), gm*1024/b
}'
