#!/usr/bin/env bash
# gomem types -dump against go/types (tests/oracle/typesdump) on real code outside std:
#  - module mode: every package of the modules mod/go.mod requires (pinned versions, fetched
#    once into the Go module cache with `go mod download`; skipped when the proxy is
#    unreachable and the cache does not have them), one figure per module;
#  - GOPATH mode (GO111MODULE=off GOPATH=/usr/share/gocode): every package the Debian
#    golang-*-dev packages of scripts/deps.sh install there, one figure per repository.
# A figure is the share of the oracle's lines (FILE:LINE:COL NAME KIND TYPE for every
# identifier in Info.Defs/Info.Uses) gomem prints identically; lines gomem prints and the
# oracle does not are "wrong". Floors: 99.5% per module and overall, wrong lines at most
# MAXWRONG (0). Per-package figures go to $BUILD/types-modules-test/{mod,gopath}.figures.
# `gomem types` (no -dump) must also be silent with exit status 0 on all of this code.
# Packages the go command lists with errors (a dependency outside the fixture's go.sum) are
# left out. Cgo is off for both tools (the oracle runs with CGO_ENABLED=0).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
if [ -z "${GOROOT_ORACLE:-}" ]; then echo "skip types-modules: no Go toolchain"; exit 0; fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly
unset GOOS GOARCH GOEXPERIMENT GOWORK GO111MODULE GOPATH
FLOOR=99.5 MAXWRONG=0
work=$BUILD/types-modules-test
cache=$root/build/types-modules-oracle
mkdir -p "$work" "$BUILD/oracle" "$cache"
bin=$BUILD/oracle/typesdump
if [ ! -x "$bin" ] || [ "$root/tests/oracle/typesdump/main.go" -nt "$bin" ]; then
	(cd "$root/tests/oracle/typesdump" && GOFLAGS= "$GO" build -o "$bin" main.go) ||
		{ echo "FAIL types-modules/oracle: go build failed"; exit 0; }
fi

# figure NAME WANT GOT: one ok/FAIL line for a module or tree (sorted unique inputs)
figure() {
	local name=$1 want=$2 got=$3
	local n a w pct
	n=$(wc -l <"$want")
	a=$(comm -12 "$want" "$got" | wc -l)
	w=$(comm -13 "$want" "$got" | wc -l)
	if [ "$n" -eq 0 ]; then echo "FAIL types-modules/$name: the oracle printed nothing"; return; fi
	pct=$(awk -v a="$a" -v n="$n" 'BEGIN { p = 100 * a / n; if (a < n && p > 99.99) p = 99.99; printf "%.2f", p }')
	local msg="$a/$n identifiers agree ($pct%), $w wrong (floor $FLOOR%, max wrong $MAXWRONG)"
	if awk -v p="$pct" -v f="$FLOOR" 'BEGIN { exit !(p + 0 < f + 0) }' || [ "$w" -gt "$MAXWRONG" ]; then
		echo "FAIL types-modules/$name: $msg; first differences:"
		diff "$want" "$got" | grep '^[<>]' | head -6 | cut -c1-300 | sed 's/^/    /'
	else
		echo "ok types-modules/$name: $msg"
	fi
}

# compare TAG DIR KEYS STATE: runs both tools on $work/TAG.pkgs from DIR, then prints one
# figure per group: KEYS maps a line's file to its group (lines "PREFIX GROUP", the longest
# prefix wins), and the per-package figures go to $work/TAG.figures. The oracle's output
# (minutes on a cold cache) is kept in $cache, shared by the build directories, while the
# oracle's source, the Go toolchain, the package list and STATE (what the sources depend on)
# stay the same.
compare() {
	local tag=$1 dir=$2 keys=$3 state=$4
	local pk=$work/$tag.pkgs want=$cache/$tag.want got=$work/$tag.got
	local np key
	np=$(wc -l <"$pk")
	key="$("$GO" version) $(cksum <"$pk") $state"
	if ! { [ -s "$want" ] && [ "$want" -nt "$root/tests/oracle/typesdump/main.go" ] && [ "$(cat "$want.key" 2>/dev/null)" = "$key" ]; }; then
		# shellcheck disable=SC2046
		(cd "$dir" && "$bin" $(cat "$pk") >"$want.tmp" 2>"$want.err")
		if [ -s "$want.err" ]; then
			echo "FAIL types-modules/$tag-oracle: the oracle reports errors: $(head -2 "$want.err" | cut -c1-300)"
			return
		fi
		sort -u "$want.tmp" >"$want" && rm -f "$want.tmp" && echo "$key" >"$want.key"
	fi
	# shellcheck disable=SC2046
	(cd "$dir" && "$GOMEM" types -dump $(cat "$pk") >"$got.raw" 2>"$got.err")
	local st=$?
	sort -u "$got.raw" >"$got"
	# shellcheck disable=SC2046
	(cd "$dir" && "$GOMEM" types $(cat "$pk") >"$got.plain" 2>"$got.plain.err")
	local st2=$?
	if [ $st -ne 0 ] || [ -s "$got.err" ] || [ $st2 -ne 0 ] || [ -s "$got.plain.err" ] || [ -s "$got.plain" ]; then
		echo "FAIL types-modules/$tag-silent: gomem types exit status $st2 (-dump: $st) on correct code: $(cat "$got.plain.err" "$got.err" | head -3 | cut -c1-300)"
	else
		echo "ok types-modules/$tag-silent: gomem types reports nothing on $np packages (exit 0)"
	fi
	# the group of every line (KEYS: prefix, group), split into one file per group
	local g
	rm -rf "$work/$tag.groups" && mkdir -p "$work/$tag.groups"
	local side
	for side in want got; do
		local in=$want
		[ $side = got ] && in=$got
		awk -F'\t' -v keys="$keys" -v out="$work/$tag.groups" -v side="$side" '
			BEGIN { while ((getline l < keys) > 0) { split(l, f, " "); k[f[1]] = f[2] } }
			{ d = $1; sub(/\/[^\/]*$/, "", d)
			  if (!(d in grp)) { best = ""; for (p in k) if (index(d "/", p) == 1 && length(p) > length(best)) best = p
			                     g = best == "" ? "other" : k[best]; gsub(/\//, "%", g); grp[d] = g }
			  print > (out "/" grp[d] "." side) }' "$in"
	done
	for g in $(cd "$work/$tag.groups" && ls | sed -n 's/\.want$//p'); do
		touch "$work/$tag.groups/$g.got"
		figure "$tag-${g//%//}" "$work/$tag.groups/$g.want" "$work/$tag.groups/$g.got"
	done
	figure "$tag-total-$np-packages" "$want" "$got"
	# per package (the directory of each line's file): FIGURE DIR AGREE/ALL WRONG
	comm -12 "$want" "$got" | awk -F'\t' '{ sub(/\/[^\/]*$/, "", $1); n[$1]++ } END { for (d in n) print d, n[d] }' | sort >"$work/$tag.agree"
	comm -13 "$want" "$got" | awk -F'\t' '{ sub(/\/[^\/]*$/, "", $1); n[$1]++ } END { for (d in n) print d, n[d] }' | sort >"$work/$tag.wrong"
	awk -F'\t' '{ sub(/\/[^\/]*$/, "", $1); n[$1]++ } END { for (d in n) print d, n[d] }' "$want" | sort |
		join -a1 - "$work/$tag.agree" | join -a1 - "$work/$tag.wrong" |
		awk '{ a = $3 + 0; printf "%.2f %s %d/%d %d wrong\n", 100 * a / $2, $1, a, $2, $4 + 0 }' | sort -n >"$work/$tag.figures"
}

# ---- hand-written cases (inference, line directives): 100%, nothing wrong ----
for d in "$here"/cases/*/; do
	c=$(basename "$d")
	(cd "$d" && "$bin" . 2>"$work/case-$c.want.err" | sort -u >"$work/case-$c.want")
	if [ -s "$work/case-$c.want.err" ]; then echo "FAIL types-modules/case-$c: the oracle reports errors: $(head -2 "$work/case-$c.want.err")"; continue; fi
	(cd "$d" && "$GOMEM" types -dump . 2>"$work/case-$c.got.err" | sort -u >"$work/case-$c.got")
	if [ -s "$work/case-$c.got.err" ]; then echo "FAIL types-modules/case-$c: gomem reports errors: $(head -2 "$work/case-$c.got.err")"; continue; fi
	FLOOR=100 figure "case-$c" "$work/case-$c.want" "$work/case-$c.got"
done

# ---- module mode ----
mod=$work/mod
mkdir -p "$mod"
for f in go.mod go.sum main.go; do cmp -s "$here/mod/$f" "$mod/$f" || cp "$here/mod/$f" "$mod/$f"; done
if (cd "$mod" && timeout 300 "$GO" mod download >"$work/download.log" 2>&1); then
	mods=$(awk '$1 ~ /\./ && $2 ~ /^v/ { print $1 }' "$mod/go.mod")
	# the packages without errors (go list is slow on this many: cached with the fixture)
	lkey="$("$GO" version) $(cksum <"$mod/go.sum") $(cksum <"$mod/go.mod")"
	if [ -s "$cache/mod.pkgs" ] && [ "$(cat "$cache/mod.pkgs.key" 2>/dev/null)" = "$lkey" ]; then
		cp "$cache/mod.pkgs" "$work/mod.pkgs"
	else
		# shellcheck disable=SC2046
		(cd "$mod" && "$GO" list -e -f '{{if not (or .Error .DepsErrors)}}{{.ImportPath}}{{end}}' $(printf '%s/... ' $mods)) >"$work/mod.pkgs" 2>"$work/mod.list.err" &&
			cp "$work/mod.pkgs" "$cache/mod.pkgs" && echo "$lkey" >"$cache/mod.pkgs.key"
	fi
	# the groups: each module's directory in the module cache
	(cd "$mod" && "$GO" list -m -f '{{if .Dir}}{{.Dir}}/ {{.Path}}@{{.Version}}{{end}}' $mods) >"$work/mod.keys"
	if [ -s "$work/mod.pkgs" ]; then
		compare mod "$mod" "$work/mod.keys" "$(cksum <"$mod/go.sum") $(cd "$mod" && "$GO" env GOMODCACHE)"
	else
		echo "FAIL types-modules/mod: go list found no packages: $(head -3 "$work/mod.list.err")"
	fi
else
	echo "skip types-modules/mod: go mod download failed (no module proxy?): $(tail -1 "$work/download.log")"
fi

# ---- GOPATH mode: the Debian golang-*-dev packages ----
gp=/usr/share/gocode
if [ -d "$gp/src" ] && [ -n "$(ls "$gp/src" 2>/dev/null)" ]; then
	export GO111MODULE=off GOPATH=$gp GOFLAGS=
	# shellcheck disable=SC2046
	(cd "$work" && "$GO" list -e -f '{{if not (or .Error .DepsErrors)}}{{.ImportPath}}{{end}}' $(cd "$gp/src" && ls -d */ | sed 's|/$|/...|') 2>/dev/null) >"$work/gopath.pkgs"
	# the groups: the repositories (host/owner/name, gopkg.in/name)
	awk -F/ -v s="$gp/src/" '{ n = $1 == "gopkg.in" ? 2 : 3; r = $1; for (i = 2; i <= n && i <= NF; i++) r = r "/" $i; print s r "/ " r }' "$work/gopath.pkgs" | sort -u >"$work/gopath.keys"
	if [ -s "$work/gopath.pkgs" ]; then
		compare gopath "$work" "$work/gopath.keys" "$(dpkg-query -W 'golang-*-dev' 2>/dev/null | cksum)"
	else
		echo "skip types-modules/gopath: go list found no packages in $gp"
	fi
	unset GO111MODULE GOPATH
else
	echo "skip types-modules/gopath: no golang-*-dev packages in /usr/share/gocode (scripts/deps.sh installs them)"
fi
