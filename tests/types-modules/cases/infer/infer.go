// Type inference as go/types does it: the defined type wins over a type literal, an
// interface parameter matches a concrete argument through its methods, generic functions
// passed as arguments are inferred too, a receiver named like a package does not hide it
// in the method's signature.
package infer

import (
	"crypto/cipher"
	"iter"
	"slices"
)

type Middlewares []func(int) int

type Router struct{ mws Middlewares }

func (r *Router) Middlewares() Middlewares { return r.mws }

func Chain(r *Router, parent ...func(int) int) int {
	mws := slices.Concat(parent, r.Middlewares())
	both := slices.Concat(r.Middlewares(), parent)
	return len(mws) + len(both)
}

type Graph[N comparable] interface {
	Nodes() iter.Seq[N]
	Out(n N) iter.Seq[N]
}

type digraph map[string][]string

func (g digraph) Nodes() iter.Seq[string] {
	return func(yield func(string) bool) {
		for n := range g {
			if !yield(n) {
				return
			}
		}
	}
}

func (g digraph) Out(n string) iter.Seq[string] { return slices.Values(g[n]) }

func Count[N comparable](g Graph[N]) map[N]int {
	m := make(map[N]int)
	for n := range g.Nodes() {
		for succ := range g.Out(n) {
			m[succ]++
		}
	}
	return m
}

func Use(g digraph) int {
	counts := Count(g)
	return counts["a"]
}

func Partial[T1, T2, R any](f func(a T1, b T2) R, arg1 T1) func(T2) R {
	return func(t2 T2) R { return f(arg1, t2) }
}

func HasKey[K comparable, V any](in map[K]V, key K) bool {
	_, ok := in[key]
	return ok
}

func Keyify[T comparable, S ~[]T](s S) map[T]struct{} {
	m := make(map[T]struct{}, len(s))
	for _, v := range s {
		m[v] = struct{}{}
	}
	return m
}

func Contains(keys []string, k string) bool {
	pred := Partial(HasKey, Keyify(keys))
	return pred(k)
}

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func Identity[T any](v T) T { return v }

func Twice(s []int) []int {
	same := Map(s, Identity)
	return Map(same, func(v int) int { return 2 * v })
}

func Walk[T any](s []T, depth int) []T {
	if depth == 0 {
		return s
	}
	return Walk(s[1:], depth-1)
}

func Merge[T any](a, b <-chan T) <-chan T { return a }

func Pick[T any](a, b T) T { return a }

func Channels(c chan int, r <-chan int) {
	m := Pick(c, r)
	n := Pick(r, c)
	_, _ = m, n
}

type Cipher int

func (cipher Cipher) block(key []byte) (block cipher.Block) { return nil }

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Untyped() float64 {
	x := Max(1, 2.5)
	return x
}

func Dims() (int, int) { return 2, 3 }

func Parts() (float64, float64) { return 1, 2 }

func Builtins() int {
	n := min(Dims())
	m := max(Dims())
	c := complex(Parts())
	println(Dims())
	return n + m + int(real(c))
}
