#!/usr/bin/env bash
# The command line as a user meets it: help for every command (ending in a newline), the
# version, unknown commands and flags (exit 2 with a message), and '-' for standard input
# wherever a command reads a file.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$BUILD/cli-work
mkdir -p "$work"
art=$root/examples/artifacts
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
# expect NAME WANT_RC cmd...: runs cmd with stdout+stderr in $work/out and checks the status.
expect() {
	local t=$1 want=$2; shift 2
	"$@" >"$work/out" 2>&1; local rc=$?
	if [ $rc != "$want" ]; then fail "$t" "exit $rc, want $want: $(head -2 "$work/out" | tr '\n' ' ')"; return 1; fi
	return 0
}
ends_nl() { [ -s "$1" ] && [ "$(tail -c1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; }

expect cli/help 0 "$GOMEM" help && ends_nl "$work/out" && ok cli/help
expect cli/version 0 "$GOMEM" --version && grep -q '^gomem [0-9]' "$work/out" && ok cli/version
expect cli/no-command 2 "$GOMEM" && ok cli/no-command
expect cli/unknown-command 2 "$GOMEM" bogus && grep -q 'unknown command "bogus"' "$work/out" && ok cli/unknown-command
expect cli/help-unknown 2 "$GOMEM" help bogus && ok cli/help-unknown
expect cli/help-help 0 "$GOMEM" help help && grep -q "^commands:" "$work/out" && ok cli/help-help
for c in $("$GOMEM" help | awk '/^commands:/{on=1; next} on && !NF {exit} on {print $1}' | grep -v '^help$'); do
	t=cli/$c-help
	for h in --help -h; do
		expect "$t" 0 "$GOMEM" "$c" $h || continue 2
		ends_nl "$work/out" || { fail "$t" "$c $h: output does not end in a newline"; continue 2; }
		grep -q "^usage: gomem $c " "$work/out" || { fail "$t" "no usage line"; continue 2; }
	done
	expect "$t" 0 "$GOMEM" help "$c" && ends_nl "$work/out" || { fail "$t" "gomem help $c"; continue; }
	# every flag in the usage line is one the command accepts (listed under flags:)
	for f in $(sed -n 1p "$work/out" | grep -o '\[-[a-z-]*' | tr -d '['); do
		grep -q "^  $f\b" "$work/out" || { fail "$t" "usage names $f, flags do not list it"; continue 3; }
	done
	expect "$t" 2 "$GOMEM" "$c" --no-such-flag x && grep -q 'unknown flag --no-such-flag' "$work/out" ||
		{ fail "$t" "unknown flag"; continue; }
	ok "$t"
done

t=cli/parse-stdin
printf 'package p\nfunc f() {\n' | "$GOMEM" parse - >"$work/out" 2>&1; rc=$?
if [ $rc = 1 ] && grep -q '^<stdin>:3:1: syntax error' "$work/out"; then ok $t; else fail $t "exit $rc: $(head -1 "$work/out")"; fi
printf 'package p\n' | expect cli/parse-stdin-ok 0 "$GOMEM" parse - && ok cli/parse-stdin-ok
expect cli/parse-stdin-dir 2 "$GOMEM" parse - <"$work" && ok cli/parse-stdin-dir
"$GOMEM" heapdiff -json "$art/heap-base.pb.gz" "$art/heap-cur.pb.gz" >"$work/want.json" 2>&1
t=cli/heapdiff-stdin
"$GOMEM" heapdiff -json - "$art/heap-cur.pb.gz" <"$art/heap-base.pb.gz" >"$work/got.json" 2>&1; rc=$?
if [ $rc = 0 ] && cmp -s "$work/want.json" "$work/got.json"; then ok $t; else fail $t "exit $rc, or output differs from reading the file"; fi
t=cli/heapdiff-stdin-name
"$GOMEM" heapdiff - "$art/heap-cur.pb.gz" <"$art/heap-base.pb.gz" >"$work/out" 2>&1
if grep -q '^Base: <stdin> ' "$work/out"; then ok $t; else fail $t "$(sed -n 2p "$work/out")"; fi
expect cli/heapdiff-stdin-empty 2 "$GOMEM" heapdiff - "$art/heap-cur.pb.gz" </dev/null && ok cli/heapdiff-stdin-empty
for c in goroutines gctrace; do
	expect cli/$c-stdin-dir 2 "$GOMEM" $c - <"$work" && { grep -q "read error: Is a directory" "$work/out" && ok cli/$c-stdin-dir || fail cli/$c-stdin-dir "$(head -1 "$work/out")"; }
done
exit 0
