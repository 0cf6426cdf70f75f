#!/usr/bin/env bash
# Scanner speed: gomem's scanner and go/scanner over every non-test .go file of the std
# library (outside testdata), files already in memory, best of 5 runs each, in CPU time.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
B=${BUILD:-$root/build}
GO=${GO:-go}
goroot=$("$GO" env GOROOT)
make -s -C "$root" "$B/tools/tokdump" >/dev/null || exit 1
mkdir -p "$B/oracle"
if [ ! -x "$B/oracle/tokdump" ] || [ "$root/tests/oracle/tokdump/main.go" -nt "$B/oracle/tokdump" ]; then
	(cd "$root/tests/oracle/tokdump" && "$GO" build -o "$B/oracle/tokdump" main.go) || exit 1
fi
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$goroot/src" -name testdata -prune -o -type f -name '*.go' ! -name '*_test.go' -print | sort >"$list"
g=$("$B/tools/tokdump" -stats -rounds 5 -list "$list")
f=$("$B/tools/tokdump" -stats -fresh -rounds 5 -list "$list")
o=$("$B/oracle/tokdump" -stats -rounds 5 -list "$list")
echo "gomem scanner (reset per file): $g"
echo "gomem scanner (new per file):   $f"
echo "go/scanner:                     $o"
gm=$(echo "$g" | awk '{print $NF}')
om=$(echo "$o" | awk '{print $NF}')
awk -v a="$gm" -v b="$om" 'BEGIN { if (b > 0) printf "ratio: %.1fx go/scanner\n", a / b }'
