#!/usr/bin/env bash
# The loader against the go command: `gomem list` and `go list` run on the same patterns with
# the same environment, compared field by field (Dir, Name, GoFiles, CgoFiles, Imports, Deps);
# the build-constraint parser against go/build/constraint (tests/oracle/constraint); module
# mode with real modules fetched into a temporary GOMODCACHE (skipped when the proxy is
# unreachable), replace, vendor, go.work, GOPATH mode, and the error cases.
set -u
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go} TESTS=${TESTS:?}
here=$TESTS/load
tmp=$(mktemp -d)
# the module cache is made read-only by go; -modcacherw keeps it removable
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export GOFLAGS=-modcacherw
unset GOOS GOARCH CGO_ENABLED GOEXPERIMENT GOWORK GO111MODULE GOPATH

# go keeps its own caches (GOCACHE holds its module index, which makes go list fast: the
# timing below is against that warm cache); modules go to a temporary GOMODCACHE below.
export GOTOOLCHAIN=local

F='{{.ImportPath}}|{{.Dir}}|{{.Name}}|{{.GoFiles}}|{{.CgoFiles}}|{{.Imports}}|{{.Deps}}'

# compare NAME DIR ENV... -- ARGS: runs both tools with -e -deps -f $F in DIR.
compare() {
	local name=$1 dir=$2
	shift 2
	local envs=()
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	(cd "$dir" && env "${envs[@]}" "$GOMEM" list -e ${DEPS--deps} -f "$F" "$@" >"$tmp/got" 2>"$tmp/got.err")
	(cd "$dir" && env "${envs[@]}" "$GO" list -e ${DEPS--deps} -f "$F" "$@" >"$tmp/want" 2>"$tmp/want.err")
	local n files bad
	n=$(wc -l <"$tmp/want")
	files=$(awk -F'|' '{ n += split($4, a, " ") + split($5, b, " ") } END { print n + 0 }' "$tmp/want")
	bad=$(diff "$tmp/got" "$tmp/want" | grep -c '^>')
	if [ "$n" -gt 0 ] && [ "$bad" = 0 ] && cmp -s "$tmp/got" "$tmp/want"; then
		echo "ok load/$name ($n/$n packages, $files files agree)"
	else
		echo "FAIL load/$name: $((n - bad))/$n packages agree; first differences:"
		diff "$tmp/got" "$tmp/want" | head -6 | cut -c1-300 | sed 's/^/    /'
		head -3 "$tmp/got.err" | sed 's/^/    gomem: /'
	fi
}

# ---- build constraints against go/build/constraint ----
oracle=$BUILD/oracle/constraint
src=$TESTS/oracle/constraint/main.go
if [ ! -x "$oracle" ] || [ "$src" -nt "$oracle" ]; then
	mkdir -p "$BUILD/oracle"
	(cd "$TESTS/oracle/constraint" && GO111MODULE=off "$GO" build -o "$oracle" main.go) || echo "FAIL load/constraint-oracle: build failed"
fi
if [ -x "$oracle" ]; then
	"$oracle" -gen 4000 >"$tmp/corpus"
	cat "$here/constraints.txt" >>"$tmp/corpus"
	"$oracle" <"$tmp/corpus" >"$tmp/want"
	"$GOMEM" list -evalconstraints <"$tmp/corpus" >"$tmp/got"
	n=$(wc -l <"$tmp/corpus")
	bad=$(diff "$tmp/got" "$tmp/want" | grep -c '^>')
	if [ "$bad" = 0 ] && cmp -s "$tmp/got" "$tmp/want"; then
		echo "ok load/constraints ($n/$n lines parse and evaluate as go/build/constraint)"
	else
		echo "FAIL load/constraints: $bad of $n lines differ"
		paste -d'\n' "$tmp/corpus" "$tmp/got" "$tmp/want" | diff <(paste -d'\n' "$tmp/corpus" "$tmp/want" "$tmp/want") - | head -8 | sed 's/^/    /'
	fi
fi

# ---- -json: every field gomem prints equals go list -json's ----
jsonsub=$BUILD/oracle/jsonsub
if [ ! -x "$jsonsub" ] || [ "$TESTS/oracle/jsonsub/main.go" -nt "$jsonsub" ]; then
	(cd "$TESTS/oracle/jsonsub" && GO111MODULE=off "$GO" build -o "$jsonsub" main.go) || echo "FAIL load/json-oracle: build failed"
fi
json_compare() { # NAME DIR -- PATTERNS
	local name=$1 dir=$2
	shift 3
	(cd "$dir" && "$GOMEM" list -json -deps "$@" >"$tmp/got.json" 2>/dev/null)
	(cd "$dir" && "$GO" list -json -deps "$@" >"$tmp/want.json" 2>/dev/null)
	local out
	if out=$("$jsonsub" "$tmp/got.json" "$tmp/want.json" 2>&1); then
		echo "ok load/$name (${out#ok })"
	else
		echo "FAIL load/$name: $(echo "$out" | head -3 | tr '\n' ' ')"
	fi
}
[ -x "$jsonsub" ] && json_compare json/std "$tmp" -- net/http os/user

# ---- the standard library, several targets ----
compare std/linux-amd64 "$tmp" -- std
compare std/windows-amd64 "$tmp" GOOS=windows -- std
compare std/darwin-arm64 "$tmp" GOOS=darwin GOARCH=arm64 -- std
compare std/linux-amd64-nocgo "$tmp" CGO_ENABLED=0 -- std
compare std/js-wasm "$tmp" GOOS=js GOARCH=wasm -- std
compare std/386-goexperiment "$tmp" GOARCH=386 GOEXPERIMENT=arenas,nogreenteagc -- std
compare std/user-tags "$tmp" -- -tags=boringcrypto,netgo,osusergo std
compare std/patterns "$tmp" -- net/... crypto/... encoding/json unsafe
compare std/gopath-mode "$tmp" GO111MODULE=off -- std
# inside GOROOT/src and GOROOT/src/cmd: the modules std and cmd, with their vendor/
compare std/as-module "$GOROOT_ORACLE/src" -- ./...
compare cmd/as-module "$GOROOT_ORACLE/src/cmd" GOFLAGS="-modcacherw -pgo=off" -- ./...
# cmd, without profile-guided variants of packages (go list marks them "[cmd/compile]")
compare cmd "$tmp" GOFLAGS="-modcacherw -pgo=off" -- cmd
# an older release as GOROOT (Debian's golang-1.19): its own release tags and experiments
oldgo=$(ls -d /usr/lib/go-1.* 2>/dev/null | head -1)
if [ -n "$oldgo" ] && [ -x "$oldgo/bin/go" ]; then
	GO=$oldgo/bin/go compare "std/$(basename "$oldgo")" "$tmp" GOROOT="$oldgo" -- std
	GO=$oldgo/bin/go compare "std/$(basename "$oldgo")-windows" "$tmp" GOROOT="$oldgo" GOOS=windows -- std
else
	echo "skip load/std/older-goroot: no /usr/lib/go-1.* (Debian golang-1.NN-go)"
fi
# CGO_ENABLED's default: off without the default C compiler on PATH, on when CC is set
mkdir -p "$tmp/gobin" && ln -sf "$(command -v "$GO")" "$tmp/gobin/go"
compare std/no-c-compiler "$tmp" PATH="$tmp/gobin" -- std
compare std/cc-set "$tmp" PATH="$tmp/gobin" CC=/no/such/cc -- net os/user runtime/cgo
(cd "$GOROOT_ORACLE/src/net/http" && compare std/dir-patterns . -- . ./... ../url)

# timing (figures, not a test)
t0=$(date +%s%N); "$GOMEM" list -deps std >/dev/null; t1=$(date +%s%N)
"$GO" list -deps std >/dev/null; t2=$(date +%s%N)
echo "   timing: gomem list -deps std $(( (t1 - t0) / 1000000 )) ms, go list -deps std $(( (t2 - t1) / 1000000 )) ms"

# ---- a list of files ----
mkdir -p "$tmp/files"
cat >"$tmp/files/a.go" <<'EOF'
package main

import "fmt"

func main() { fmt.Println(b()) }
EOF
cat >"$tmp/files/b_linux.go" <<'EOF'
package main

import "os"

func b() string { return os.Args[0] }
EOF
compare files "$tmp/files" -- a.go b_linux.go

# ---- module mode: real modules in a temporary cache ----
export GOMODCACHE=$tmp/modcache
mod=$tmp/modproj
cp -r "$here/fixtures/modproj" "$mod"
if (cd "$mod" && timeout 120 "$GO" mod download >"$tmp/dl.log" 2>&1); then
	compare mod/deps "$mod" -- ./...
	compare mod/windows "$mod" GOOS=windows -- ./...
	compare mod/nocgo "$mod" CGO_ENABLED=0 -- ./...
	compare mod/import-paths "$mod" -- example.com/app/... golang.org/x/sync/errgroup example.com/local/lib
	[ -x "$jsonsub" ] && json_compare json/mod "$mod" -- ./...
	compare mod/subdir "$mod/internal" -- ./... ../cmd/tool
	compare mod/all "$mod" -- all
	DEPS= compare mod/all-nodeps "$mod" -- all
	# replace with a local directory and with another version of a real module
	got=$(cd "$mod" && "$GOMEM" list -f '{{.Dir}}' example.com/local/lib golang.org/x/sync/errgroup 2>&1 | tr '\n' ' ')
	want="$mod/local/lib $GOMODCACHE/golang.org/x/sync@v0.9.0/errgroup "
	[ "$got" = "$want" ] && echo "ok load/mod/replace" || echo "FAIL load/mod/replace: got '$got', want '$want'"
	# vendor/ with vendor/modules.txt
	ven=$tmp/vendored
	cp -r "$here/fixtures/modproj" "$ven"
	if (cd "$ven" && "$GO" mod vendor >"$tmp/vendor.log" 2>&1); then
		compare mod/vendor "$ven" -- ./...
	else
		echo "FAIL load/mod/vendor: go mod vendor: $(head -2 "$tmp/vendor.log" | tr '\n' ' ')"
	fi
	# go.work: two modules, one using the other's package and a required module
	w=$tmp/work
	mkdir -p "$w/a/cmd/a" "$w/b/pkg"
	printf 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n' >"$w/go.work"
	printf 'module example.com/a\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n' >"$w/a/go.mod"
	cp "$mod/go.sum" "$w/a/go.sum"
	printf 'module example.com/b\n\ngo 1.22\n' >"$w/b/go.mod"
	printf 'package main\n\nimport (\n\t"example.com/b/pkg"\n\t"github.com/google/uuid"\n)\n\nfunc main() { println(pkg.X, uuid.NewString()) }\n' >"$w/a/cmd/a/main.go"
	printf 'package pkg\n\nimport "strconv"\n\nvar X = strconv.Itoa(1)\n' >"$w/b/pkg/pkg.go"
	compare mod/gowork "$w/a" -- ./... example.com/b/...
	# a go 1.16 module: its go.mod lists only rsc.io/quote; the rest comes from the module graph
	old=$tmp/oldmod
	cp -r "$here/fixtures/oldmod" "$old"
	if (cd "$old" && timeout 120 "$GO" mod download >"$tmp/dl2.log" 2>&1); then
		compare mod/pre-1.17-graph "$old" -- .
	else
		echo "skip load/mod/pre-1.17-graph: go mod download failed ($(tail -1 "$tmp/dl2.log"))"
	fi
else
	for t in deps windows nocgo import-paths subdir all all-nodeps replace vendor gowork pre-1.17-graph; do
		echo "skip load/mod/$t: the module proxy is unreachable ($(tail -1 "$tmp/dl.log"))"
	done
fi
unset GOMODCACHE

# ---- GOPATH mode ----
gp=$tmp/gopath
mkdir -p "$gp/src/example.com/p/vendor/example.com/v" "$gp/src/example.com/q" "$gp/src/example.com/p/sub"
printf 'package p\n\nimport (\n\t"example.com/q"\n\t"example.com/v"\n\t"sort"\n)\n\nvar X = q.Y + v.Z + sort.IntsAreSorted(nil)\n' >"$gp/src/example.com/p/p.go"
printf 'package v\n\nconst Z = 1\n' >"$gp/src/example.com/p/vendor/example.com/v/v.go"
printf 'package q\n\nconst Y = 2\n' >"$gp/src/example.com/q/q.go"
printf 'package sub\n\nimport "example.com/v"\n\nconst W = v.Z\n' >"$gp/src/example.com/p/sub/sub.go"
compare gopath "$tmp" GO111MODULE=off GOPATH="$gp" -- example.com/p/... example.com/q
compare gopath-dir "$gp/src/example.com/p" GO111MODULE=off GOPATH="$gp" -- ./...
DEPS= compare gopath-all "$tmp" GO111MODULE=off GOPATH="$gp" GOFLAGS="-modcacherw -pgo=off" -- all
# the compiler's own test tree: odd files of every kind (bad headers, several packages in a
# directory, invalid import paths, local imports "./a"), loaded in GOPATH mode
if [ -d "$GOROOT_ORACLE/test" ]; then
	cp -r "$GOROOT_ORACLE/test" "$tmp/gotest"
	compare goroot-test-tree "$tmp/gotest" GO111MODULE=off GOPATH="$gp" -- ./...
	printf 'module gotest\n\ngo 1.26\n' >"$tmp/gotest/go.mod"
	compare goroot-test-tree-module "$tmp/gotest" -- ./...
	compare goroot-test-tree-all "$tmp/gotest" -- all
	rm -rf "$tmp/gotest"
fi
if [ -d /usr/share/gocode/src ] && [ -n "$(ls /usr/share/gocode/src 2>/dev/null)" ]; then
	first=$(cd /usr/share/gocode/src && ls | head -3 | sed 's|$|/...|' | tr '\n' ' ')
	# shellcheck disable=SC2086
	compare gopath-debian "$tmp" GO111MODULE=off GOPATH=/usr/share/gocode -- $first
else
	echo "skip load/gopath-debian: no golang-*-dev packages in /usr/share/gocode"
fi

# ---- errors ----
e=$tmp/errs
mkdir -p "$e/missing" "$e/cycle/a" "$e/cycle/b" "$e/badmod"
printf 'module example.com/m\n\ngo 1.22\n' >"$e/missing/go.mod"
printf 'package m\n\nimport (\n\t"fmt"\n\t"example.com/m/nope"\n)\n\nvar _ = fmt.Sprint(nope.X)\n' >"$e/missing/m.go"
(cd "$e/missing" && "$GOMEM" list -deps . >/dev/null 2>"$tmp/err"); rc=$?
pos=$(cd "$e/missing" && "$GO" list -e -f '{{.Error}}' example.com/m/nope 2>/dev/null | grep -o 'm.go:[0-9]*:[0-9]*' | head -1)
[ -n "$pos" ] || pos=m.go:5:2
if [ $rc = 1 ] && grep -q "$pos" "$tmp/err" && grep -q 'example.com/m/nope' "$tmp/err" && grep -q "$e/missing/nope" "$tmp/err"; then
	echo "ok load/err/missing-import"
else
	echo "FAIL load/err/missing-import: status $rc (want 1), want $pos, the import and the searched dir: $(head -3 "$tmp/err" | tr '\n' ' ')"
fi
printf 'package main\n\nimport _ "cannot/find/this"\n' >"$tmp/files/c.go"
(cd "$tmp/files" && GO111MODULE=off GOPATH="$gp" "$GOMEM" list c.go >/dev/null 2>"$tmp/err"); rc=$?
if [ $rc = 1 ] && grep -q 'c.go:3:8' "$tmp/err" && grep -q "$gp/src/cannot/find/this" "$tmp/err" && grep -q "src/cannot/find/this (from \$GOROOT)" "$tmp/err"; then
	echo "ok load/err/missing-gopath"
else
	echo "FAIL load/err/missing-gopath: status $rc: $(head -4 "$tmp/err" | tr '\n' ' ')"
fi
printf 'module example.com/c\n\ngo 1.22\n' >"$e/cycle/go.mod"
printf 'package a\n\nimport _ "example.com/c/b"\n' >"$e/cycle/a/a.go"
printf 'package b\n\nimport _ "example.com/c/a"\n' >"$e/cycle/b/b.go"
(cd "$e/cycle" && "$GOMEM" list ./a >/dev/null 2>"$tmp/err"); rc=$?
(cd "$e/cycle" && "$GO" list ./a >/dev/null 2>"$tmp/goerr"); grc=$?
if [ $rc = 1 ] && [ $grc = 1 ] && grep -q 'import cycle not allowed' "$tmp/goerr" &&
	grep -q 'import cycle not allowed: example.com/c/a -> example.com/c/b -> example.com/c/a' "$tmp/err"; then
	echo "ok load/err/cycle"
else
	echo "FAIL load/err/cycle: status $rc (go: $grc): $(head -3 "$tmp/err" | tr '\n' ' ')"
fi
printf 'module example.com/bad\n\ngo 1.22\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n)\nmodul example.com/x\n' >"$e/badmod/go.mod"
printf 'package bad\n' >"$e/badmod/bad.go"
(cd "$e/badmod" && "$GOMEM" list . >/dev/null 2>"$tmp/err"); rc=$?
want=$(cd "$e/badmod" && "$GO" list . 2>&1 | grep -o 'go.mod:[0-9]*: unknown directive: modul' | head -1)
if [ $rc = 1 ] && [ -n "$want" ] && grep -q "$want" "$tmp/err"; then
	echo "ok load/err/bad-go.mod"
else
	echo "FAIL load/err/bad-go.mod: status $rc, want '$want': $(head -2 "$tmp/err" | tr '\n' ' ')"
fi
"$GOMEM" list -nosuchflag >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && echo "ok load/err/usage" || echo "FAIL load/err/usage: status $rc, want 2"
(cd "$tmp" && "$GOMEM" list std >/dev/null 2>&1); rc=$?
[ $rc = 0 ] && echo "ok load/exit-clean" || echo "FAIL load/exit-clean: status $rc, want 0"
# a bad package on the command line: nothing on stdout and status 1, as go list does
out=$(cd "$tmp" && "$GOMEM" list fmt nosuch/pkg 2>/dev/null); rc=$?
gout=$(cd "$tmp" && "$GO" list fmt nosuch/pkg 2>/dev/null); grc=$?
[ $rc = 1 ] && [ "$out" = "$gout" ] && [ $grc = 1 ] && echo "ok load/err/bad-root" ||
	echo "FAIL load/err/bad-root: status $rc, stdout '$out' (go: $grc, '$gout')"
