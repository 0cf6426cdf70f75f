#!/usr/bin/env bash
# gc's label and branch checks (gomem parse -branches) against gc's own parser run with
# CheckBranches (tests/oracle/gcsyntax): on the $GOROOT/test files whose syntax gc accepts,
# the files gc rejects only for labels/branches must get gc's first error (same position,
# same message), and no other file may get a label/branch error.
set -u
: "${GOMEM:?}" "${GO:=go}"
GOROOT_ORACLE=${GOROOT_ORACLE:-$("$GO" env GOROOT)}
gcsyntax=$("$TESTS/oracle/build-gcsyntax.sh") || { echo "FAIL parse-branches/oracle: cannot build tests/oracle/gcsyntax"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
find "$GOROOT_ORACLE/test" -name '*.go' -type f | LC_ALL=C sort > "$tmp/all"
"$gcsyntax" -nobranches -list "$tmp/all" 2>/dev/null | sed -n 's/: ok$//p' > "$tmp/ok"
"$gcsyntax" -list "$tmp/ok" 2>/dev/null | grep -v ': ok$' > "$tmp/want"
n=0
while IFS= read -r line; do
	f=${line%%:[0-9]*}
	got=$("$GOMEM" parse -branches "$f" 2>&1 | head -1)
	name=parse-branches/${f#"$GOROOT_ORACLE"/test/}
	if [ "$got" = "$line" ]; then echo "ok $name"; else echo "FAIL $name: want \"$line\", got \"$got\""; fi
	n=$((n + 1))
done < "$tmp/want"
[ $n -gt 0 ] || echo "FAIL parse-branches/cases: gc rejected no file for labels or branches"
# No false alarms: files gc accepts with CheckBranches get no label/branch error from gomem.
xargs -a "$tmp/ok" -s 200000 "$GOMEM" parse -branches > /dev/null 2> "$tmp/err"
grep -E ': (label|break|continue|goto|fallthrough|cannot fallthrough|invalid (break|continue))' "$tmp/err" |
	grep -vF -f <(sed 's/:[0-9]*:[0-9]*: .*//' "$tmp/want") > "$tmp/extra"
if [ -s "$tmp/extra" ]; then
	echo "FAIL parse-branches/no-false-alarms: $(head -3 "$tmp/extra" | tr '\n' ' ')"
else
	echo "ok parse-branches/no-false-alarms"
fi
