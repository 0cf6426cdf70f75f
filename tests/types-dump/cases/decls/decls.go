// Package decls exercises what the first slice of the checker implements: package-level
// declarations, type expressions, constants with iota, signatures, methods, generics,
// imports, and bodies with locals, ranges, type switches and composite literals.
package decls

import (
	"errors"
	str "strings"
	"unsafe"
)

type Kind uint8

const (
	KA Kind = iota
	KB
	KC
	_
	KE
)

const (
	big    = 1 << 40
	mask   = big - 1
	pi     = 3.14159
	name   = "decls"
	nlen   = len(name)
	truth  = big > 10 && !false
	r      = 'x'
	shifty = uint16(1) << 3
	neg    = -big
	cplx   = 2i
)

type Point struct {
	X, Y int `json:"x"`
	tag  string
	*Kind
	next *Point
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	val  T
	next *node[T]
}

type Number interface {
	~int | ~int64 | float64
}

type Stringer interface {
	String() string
}

type Alias = Point
type Grid [nlen][2]Point
type Fn func(a, b int, rest ...string) (n int, err error)
type Ch <-chan map[string][]*Point

var (
	origin Point
	grid   Grid
	kinds  = []Kind{KA, KB}
	count  = 3
	ratio  = 1.5
	err1   = errors.New("x")
	sz     = unsafe.Sizeof(origin)
	p      unsafe.Pointer
)

func (k Kind) String() string {
	switch k {
	case KA:
		return "a"
	case KB:
		return "b"
	}
	return str.Repeat("?", int(k))
}

func (p *Point) Move(dx, dy int) *Point {
	p.X += dx
	p.Y += dy
	q := &Point{X: p.X, Y: p.Y}
	q.next = p
	return q
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.n++
}

func (l *List[T]) Len() int { return l.n }

func Sum[N Number](xs []N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

func body(xs []string, m map[string]int, ch chan *Point, s Stringer) (int, error) {
	total := 0
	for i, x := range xs {
		total += i + len(x)
		if v, ok := m[x]; ok {
			total += v
		}
	}
	for k, v := range m {
		_ = k
		total -= v
	}
	for p := range ch {
		p.Move(1, 2)
	}
	for i := range 10 {
		total += i
	}
	var pt Point
	pt.X = total
	pts := []Point{{X: 1}, {Y: 2}}
	mp := map[string]*Point{"a": {X: 3}}
	arr := [...]int{1, 2, 5: 3}
	fn := func(a int) int { return a * 2 }
	total += fn(len(pts)) + len(mp) + len(arr)
	b := []byte(xs[0])
	sub := b[1:]
	st := string(sub)
	_ = st
	switch v := any(s).(type) {
	case Kind:
		return int(v), nil
	case *Point, nil:
		_ = v
	}
	if total > 100 {
		return 0, errors.New("big")
	}
	n, err := fn(1), err1
	return n + total, err
}
