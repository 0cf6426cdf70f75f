#!/usr/bin/env bash
# Runs every test suite (tests/*/run.sh) and tallies their results.
# A suite prints one line per test: "ok NAME", "FAIL NAME: why" or "skip NAME: why";
# anything else it prints is passed through. The last line is "N passed, N failed[, N skipped]".
# Environment: GOMEM (the binary under test), BUILD (its build dir), SANITIZER=1 under ASan,
# GO (the oracle's go command), SUITES (space-separated names to run only some).
set -u
here=$(cd "$(dirname "$0")" && pwd)
export GOMEM=${GOMEM:-$here/../build/gomem}
export BUILD=${BUILD:-$here/../build}
export GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
export GOROOT_ORACLE=$("$GO" env GOROOT 2>/dev/null)
export TESTS=$here
pass=0 fail=0 skip=0
failed=()
for suite in "$here"/*/run.sh; do
	name=$(basename "$(dirname "$suite")")
	if [ -n "${SUITES:-}" ] && ! [[ " $SUITES " == *" $name "* ]]; then continue; fi
	echo "== $name"
	start=$(date +%s)
	while IFS= read -r line; do
		case "$line" in
		"ok "*) pass=$((pass + 1)) ;;
		"FAIL "*) fail=$((fail + 1)); failed+=("$name: ${line#FAIL }"); echo "$line" ;;
		"skip "*) skip=$((skip + 1)); echo "$line" ;;
		*) echo "$line" ;;
		esac
	done < <(bash "$suite" 2>&1; rc=$?; [ $rc = 0 ] || echo "FAIL $name/run.sh: exited with status $rc")
	echo "   ($(( $(date +%s) - start ))s)"
done
# A test that replaced /dev/null with a file (an output path gone wrong) breaks everything after it.
if [ ! -c /dev/null ]; then
	fail=$((fail + 1)); failed+=("environment: /dev/null is no longer a character device")
fi
if [ ${#failed[@]} -gt 0 ]; then
	echo; echo "failures:"; printf '  %s\n' "${failed[@]}"
fi
echo
if [ $skip -gt 0 ]; then echo "$pass passed, $fail failed, $skip skipped"; else echo "$pass passed, $fail failed"; fi
[ $fail = 0 ]
