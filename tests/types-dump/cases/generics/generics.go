// Package generics exercises type argument inference: from arguments (also through
// defined types, variadic parameters and untyped constants), explicit and partial
// instantiation, and constraint type inference from core types.
package generics

import (
	"slices"
	"strings"
)

type Names []string

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, e := range s {
		out = append(out, f(e))
	}
	return out
}

func Max[T int | float64](xs ...T) T {
	var m T
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func First[T any](xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[0], true
}

func use(names Names) int {
	p := MakePair("a", 1)
	q := MakePair[string](p.Key, 2.5)
	lens := Map(names, func(s string) int { return len(s) })
	upper := Map[Names, string, string](names, strings.ToUpper)
	i := slices.Index(names, "x")
	c := slices.Clone(names)
	m := Max(1, 2, 3)
	f := Max(1.5, 2)
	first, ok := First(lens)
	if !ok {
		return 0
	}
	_ = q.Val
	return first + i + len(c) + len(upper) + m + int(f) + p.Val
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func pair() (*Pair[string, int], error) { return nil, nil }

type Cmd string

const (
	CmdGet = Cmd("get")
	CmdPut Cmd = "put"
)

type token uint
type Token = token

func (t Token) String() string { return string(CmdGet) + string(rune(t)) }

func multi() int {
	p := must(pair())
	var t Token = 3
	_ = t.String()
	return p.Val + len(CmdPut)
}
