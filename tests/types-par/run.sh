#!/usr/bin/env bash
# Parallel type checking (gomem types -j N): the output must not depend on the number of
# threads, and what importers share must stay right when they check at the same time.
#
#   - std: `types -dump std` and `types std` with -j 1 and -j 8 print byte-identical output
#     (stdout and stderr) and exit alike;
#   - errors: a module whose packages (independent ones checked in parallel) all have type
#     and syntax errors: -j 1 and -j 8 (several runs) print the same errors, grouped by package;
#   - generics: one package of generic types, methods, aliases and constraints imported by 16
#     packages that instantiate the same and different instances at once (the shared list of
#     instances, expansion of another package's instances, type sets, sizes): -j 1 and -j 8
#     agree byte for byte, and every identifier agrees with go/types (tests/oracle/typesdump).
# Run by hand under ThreadSanitizer with `make tsan`.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
GOMEM=${GOMEM:?} BUILD=${BUILD:?} GO=${GO:-go}
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=
unset GOOS GOARCH GOEXPERIMENT GOWORK GO111MODULE GOMEM_THREADS
work=$BUILD/types-par-test
rm -rf "$work" && mkdir -p "$work"

# same NAME DIR ARGS...: runs gomem types ARGS with -j 1 and -j 8 in DIR, compares everything
same() {
	local name=$1 dir=$2
	shift 2
	(cd "$dir" && "$GOMEM" types -j 1 "$@" >"$work/$name.1.out" 2>"$work/$name.1.err")
	local s1=$?
	(cd "$dir" && "$GOMEM" types -j 8 "$@" >"$work/$name.8.out" 2>"$work/$name.8.err")
	local s8=$?
	if [ $s1 -ne $s8 ]; then
		echo "FAIL types-par/$name: exit status $s1 with -j 1, $s8 with -j 8"
	elif ! cmp -s "$work/$name.1.out" "$work/$name.8.out"; then
		echo "FAIL types-par/$name: stdout differs: $(diff "$work/$name.1.out" "$work/$name.8.out" | head -4 | tr '\n' ' ')"
	elif ! cmp -s "$work/$name.1.err" "$work/$name.8.err"; then
		echo "FAIL types-par/$name: stderr differs: $(diff "$work/$name.1.err" "$work/$name.8.err" | head -4 | tr '\n' ' ')"
	else
		echo "ok types-par/$name: -j 1 and -j 8 identical (status $s1, $(wc -l <"$work/$name.1.out") lines, $(wc -l <"$work/$name.1.err") on stderr)"
		return 0
	fi
	return 1
}

# ---- std ----
if [ -n "${GOROOT_ORACLE:-}" ]; then
	same std-dump "$work" -dump std
	same std "$work" std
else
	echo "skip types-par/std: no Go toolchain"
fi

# ---- errors in several packages ----
m=$work/errs
mkdir -p "$m"
printf 'module example.com/errs\n\ngo 1.24\n' >"$m/go.mod"
for i in 0 1 2 3 4 5 6 7; do
	mkdir -p "$m/p$i"
	cat >"$m/p$i/a.go" <<GO
package p$i

import "strings"

func F$i() int {
	x := undefinedA$i
	return len(x)
}
GO
	cat >"$m/p$i/b.go" <<GO
package p$i

func G$i() (int, error) {
	var unused$i int
	if true {
		return 1, nil
	}
}
GO
done
# one with a syntax error, one that imports the others (checked last)
mkdir -p "$m/q" "$m/top"
printf 'package q\n\nfunc Q() { var x = ; _ = x }\n' >"$m/q/q.go"
{
	echo 'package top'
	echo
	echo 'import ('
	for i in 0 1 2 3 4 5 6 7; do echo "	\"example.com/errs/p$i\""; done
	echo '	"example.com/errs/q"'
	echo ')'
	echo
	echo 'func Top() int {'
	echo '	q.Q()'
	for i in 0 1 2 3 4 5 6 7; do echo "	_ = p$i.F$i()"; done
	echo '	return undefinedTop'
	echo '}'
} >"$m/top/top.go"
if same errors "$m" ./...; then
	# grouped: once a package's directory is left, it does not come back
	grouped=$(sed -n 's|^\(.*\)/[^/]*\.go:.*|\1|p' "$work/errors.1.err" | uniq | sort | uniq -d)
	n=$(grep -c '\.go:[0-9]*:[0-9]*: ' "$work/errors.1.err")
	if [ -n "$grouped" ]; then
		echo "FAIL types-par/errors-grouped: errors of $grouped are not together"
	elif [ "$n" -lt 26 ]; then
		echo "FAIL types-par/errors-grouped: $n errors, want at least 26: $(head -3 "$work/errors.1.err")"
	else
		echo "ok types-par/errors-grouped: $n errors, grouped by package"
	fi
	again=0
	for r in 1 2 3; do
		(cd "$m" && "$GOMEM" types -j 8 ./... >"$work/errors.r.out" 2>"$work/errors.r.err")
		cmp -s "$work/errors.r.err" "$work/errors.1.err" || again=$r
	done
	if [ $again -ne 0 ]; then echo "FAIL types-par/errors-repeat: run $again with -j 8 differs"; else echo "ok types-par/errors-repeat: 3 more runs with -j 8 identical"; fi
fi

# ---- generics shared by parallel importers ----
g=$work/gen
mkdir -p "$g/g"
printf 'module example.com/gen\n\ngo 1.24\n' >"$g/go.mod"
cat >"$g/g/g.go" <<'GO'
// Package g: generic types, methods, aliases and constraints for many importers at once.
package g

import "unsafe"

type Number interface {
	~int | ~int64 | ~float64
}

type node[T any] struct {
	v    T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	n    int
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head}; l.n++ }

func (l *List[T]) All() []T {
	var r []T
	for p := l.head; p != nil; p = p.next {
		r = append(r, p.v)
	}
	return r
}

func (l List[T]) Len() int { return l.n }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Map[K comparable, V any] struct {
	m     map[K]V
	order []Pair[K, V]
}

func (m *Map[K, V]) Put(k K, v V) {
	if m.m == nil {
		m.m = map[K]V{}
	}
	m.m[k] = v
	m.order = append(m.order, Pair[K, V]{k, v})
}

func (m *Map[K, V]) Pairs() []Pair[K, V] { return m.order }

func (m *Map[K, V]) Get(k K) (V, bool) {
	v, ok := m.m[k]
	return v, ok
}

type Tree[T Number] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Sum() T {
	if t == nil {
		return 0
	}
	return t.Val + t.Left.Sum() + t.Right.Sum()
}

type Set[T comparable] = Map[T, struct{}]

type Ints = List[int]

type Stringer interface {
	String() string
}

type Shower[T Stringer] struct {
	items []T
}

func (s Shower[T]) First() T { return s.items[0] }

func (s *Shower[T]) Add(x T) { s.items = append(s.items, x) }

type Ordered interface {
	Number | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map2[A, B any](xs []A, f func(A) B) []B {
	r := make([]B, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Keys[K comparable, V any](m map[K]V) []K {
	var r []K
	for k := range m {
		r = append(r, k)
	}
	return r
}

var IntList List[int]

var Table Map[string, List[Pair[int, string]]]

var Sizes = [...]uintptr{unsafe.Sizeof(Pair[int8, int64]{}), unsafe.Sizeof(List[string]{}), unsafe.Sizeof(Tree[float64]{})}

// Instances made here whose methods only importers use: the importers expand them at once.
type Name string

func (n Name) String() string { return string(n) }

var (
	Shared0 List[[2]string]
	Shared1 Map[int, List[Pair[string, [3]int]]]
	Shared2 Tree[int64]
	Shared3 Shower[Name]
	Shared4 Set[Pair[int, int]]
	Shared5 Map[Name, Map[int, Shower[Name]]]
)
GO
for i in $(seq -w 0 15); do
	mkdir -p "$g/p$i"
	cat >"$g/p$i/p.go" <<GO
package p$i

import (
	"unsafe"

	"example.com/gen/g"
)

type Local struct {
	a, b int
	s    [$((10#$i + 1))]byte
}

type myInt int

func (m myInt) String() string { return "m" }

type myFloat float64

func Use() int {
	var l g.List[int]
	l.Push($((10#$i)))
	var l2 g.List[Local]
	l2.Push(Local{})
	var m g.Map[string, g.Pair[int, Local]]
	m.Put("a", g.Pair[int, Local]{1, Local{}})
	ps := m.Pairs()
	v, _ := m.Get("a")
	t := &g.Tree[myInt]{Val: 1}
	t2 := &g.Tree[myFloat]{Left: &g.Tree[myFloat]{Val: 2}}
	s := g.Set[int]{}
	s.Put(1, struct{}{})
	var sh g.Shower[myInt]
	sh.Add(myInt($((10#$i))))
	name := sh.First().String()
	x := g.Sum(1.5, 2.5, float64(t2.Sum()))
	ys := g.Map2(l2.All(), func(v Local) [$((10#$i + 1))]byte { return v.s })
	ks := g.Keys(map[myInt]string{1: name})
	var ints g.Ints
	ints.Push(g.Max(3, $((10#$i))))
	tab := g.Table.Pairs()
	n := unsafe.Sizeof(g.Pair[Local, [$((10#$i))]byte]{}) + unsafe.Sizeof(v) + g.Sizes[0]
	return l.Len() + len(ps) + int(t.Sum()) + int(x) + len(ys) + len(ks) + ints.Len() + g.IntList.Len() + len(tab) + int(n) + v.Key
}

func Shared() int {
	g.Shared0.Push([2]string{"p$i"})
	all := g.Shared0.All()
	g.Shared1.Put($((10#$i)), g.List[g.Pair[string, [3]int]]{})
	lp := g.Shared1.Pairs()[0].Val
	lp.Push(g.Pair[string, [3]int]{"k", [3]int{}})
	s2 := g.Shared2.Sum() + g.Shared2.Left.Sum()
	g.Shared3.Add(g.Name("n"))
	nm := g.Shared3.First().String()
	g.Shared4.Put(g.Pair[int, int]{1, 2}, struct{}{})
	_, ok := g.Shared4.Get(g.Pair[int, int]{})
	inner, _ := g.Shared5.Get("x")
	sh, _ := inner.Get(1)
	return len(all) + lp.Len() + int(s2) + len(nm) + len(g.Shared4.Pairs()) + len(sh.First()) + len(g.Shared5.Pairs()) + map[bool]int{ok: 1}[true] + int(unsafe.Sizeof(g.Shared5))
}
GO
done
pkgs=$(cd "$g" && ls -d p*/ | sed 's|^|./|; s|/$||')
if same generics "$g" -dump ./g $pkgs; then
	if [ -n "${GOROOT_ORACLE:-}" ]; then
		bin=$BUILD/oracle/typesdump
		if [ ! -x "$bin" ] || [ "$root/tests/oracle/typesdump/main.go" -nt "$bin" ]; then
			mkdir -p "$BUILD/oracle"
			(cd "$root/tests/oracle/typesdump" && "$GO" build -o "$bin" main.go) || { echo "FAIL types-par/generics-oracle: go build failed"; exit 0; }
		fi
		# shellcheck disable=SC2086
		(cd "$g" && "$bin" ./g $pkgs >"$work/gen.want" 2>"$work/gen.want.err")
		if [ -s "$work/gen.want.err" ]; then
			echo "FAIL types-par/generics-oracle: the oracle reports errors: $(head -2 "$work/gen.want.err")"
		else
			sort -u "$work/gen.want" >"$work/gen.want.s"
			sort -u "$work/generics.8.out" >"$work/gen.got.s"
			n=$(wc -l <"$work/gen.want.s")
			a=$(comm -12 "$work/gen.want.s" "$work/gen.got.s" | wc -l)
			w=$(comm -13 "$work/gen.want.s" "$work/gen.got.s" | wc -l)
			if [ "$a" -ne "$n" ] || [ "$w" -ne 0 ]; then
				echo "FAIL types-par/generics-oracle: $a/$n identifiers agree, $w wrong: $(diff "$work/gen.want.s" "$work/gen.got.s" | grep '^[<>]' | head -4 | tr '\n' ' ')"
			else
				echo "ok types-par/generics-oracle: $a/$n identifiers agree with go/types, 0 wrong"
			fi
		fi
	else
		echo "skip types-par/generics-oracle: no Go toolchain"
	fi
fi
