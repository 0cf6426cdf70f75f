package p

type A[P *C] struct{}
type B[P *C,] struct{}
type C[P interface{}] []P
type D[P (C)] int
type E[P *C | ~int] int
type Arr [N * M]int
type Arr2 [N]int
type G[K comparable, V any] map[K]V
type Alias[P any] = G[P, int]
type Num interface {
	~int | ~int64 | float64
	String() string
	fmt.Stringer
	G[int, string]
}

func (r *G[K, V]) M(k K) (v V, ok bool) { return }
func (G[_, _]) N() {}

func F[T any, S ~[]T](s S, f func(T) bool) S {
	var x = F[int, []int]
	y := Map[string](nil)
	_ = x(nil, nil)
	return s[:0:len(s)]
}

var _ = G[int, string]{}
var _ = []G[int, bool]{{}}
