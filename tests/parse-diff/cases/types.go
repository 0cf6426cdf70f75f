package p

type (
	A [10]int
	B []*int
	C map[string]chan<- int
	D <-chan <-chan int
	E chan<- chan int
	F chan (<-chan int)
	G func(a, b int, c ...string) (x int, err error)
	H func() func() int
	I interface {
		M(int) string
		N()
		fmt.Stringer
		~int | ~string | float64
		int
	}
	J struct {
		a, b int `tag:"x"`
		*K
		L
		pkg.M `embedded`
		_ [0]func()
		f func(struct{})
	}
	K = J
	L[P any] struct{ p P }
	M[P, Q any, R interface{ ~int }] []P
	N[P *int] struct{}
	O[P *int,] struct{}
	Q[_ any] int
	R = L[int]
	S[P any] = L[P]
	U[P ~[]E, E any] struct{}
	V [N]int
	W [N * 2]int
	X struct{}
	Y interface{}
	Z *struct{ x int }
)

func g[T any, PT interface{ *T }](x T) PT { return &x }
func h[T constraints.Ordered](a, b T) T { return a }
func (l L[P]) m() P       { return l.p }
func (l *L[_]) n()         {}
func (M[P, Q, R]) o()      {}
func variadic(xs ...[]int) {}
func named(a int, b, c string, d ...bool) {}
func unnamed(int, string, ...bool) {}
func results() (int, error)
