// Package exprs exercises what `gomem types -types` and `-facts` record: the final types of
// untyped constants in every context, builtins, comma-ok forms, and closures with the
// variables they capture (by value or by reference, as gc decides).
package exprs

import (
	"fmt"
	"iter"
	"strings"
	"unsafe"
)

type Celsius float64

type Point struct{ X, Y int }

func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (p Point) Dist() int       { return p.X*p.X + p.Y*p.Y }

type Grid struct {
	cells [16]byte
	Point
}

const debug = false

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func constants(n int, f float32, s string) (Celsius, []byte, float64) {
	var c Celsius = 36.6
	c += 0.5
	x := n + 1
	y := 2.5 * float64(x)
	z := f * 2
	_ = z
	var u8 uint8 = 'a'
	shift := 1 << n
	var big uint64 = 1<<63 | 1
	cmp := x > 3 && s != ""
	b := []byte("hello")
	r := []rune(s)
	_ = string(rune(65))
	_, _, _, _, _ = u8, shift, big, cmp, r
	switch n {
	case 1, 2:
		x = 3
	case KB:
	}
	switch {
	case x > 10:
	}
	arr := [...]int{2: 7, 5: 1}
	_ = arr[3]
	m := map[string]float64{"a": 1}
	m["b"] = 2
	v, ok := m["c"]
	_, _ = v, ok
	var e any = 42
	i, isInt := e.(int)
	_, _ = i, isInt
	ch := make(chan int, 4)
	ch <- 1
	w, open := <-ch
	_, _ = w, open
	for k := range 3 {
		_ = k
	}
	println(1, "x", 2.0)
	fmt.Println(1<<3, 'x', 1.5, unsafe.Sizeof(x), min(n, 3), max(2.5, f))
	b = append(b, 'x', 0)
	b = append(b, "tail"...)
	p := unsafe.Pointer(&b[0])
	p = unsafe.Add(p, 1)
	_ = unsafe.Slice((*byte)(p), 2)
	_ = complex(y, 0)
	_ = real(1 + 2i)
	var g Grid
	copy(g.cells[:], b)
	n++
	return c, b[1:3], y / 3
}

func closures(names []string, limit int) (count int, err error) {
	total := 0
	seen := map[string]bool{}
	var last string
	var g Grid
	var pt Point
	var buf [200]byte
	defer func() {
		if err != nil {
			err = fmt.Errorf("after %d: %w", count, err)
		}
	}()
	add := func(s string) {
		seen[s] = true
		total += len(s)
		last = s
	}
	for i, name := range names {
		if i > limit {
			break
		}
		add(name)
		go func() { fmt.Println(i, name, pt.Dist()) }()
	}
	for j := 0; j < limit; j++ {
		defer func() { _ = j }()
	}
	g.Move(1, 2)
	check := func() bool { return g.X > 0 && len(buf) > 0 }
	if debug {
		fmt.Println(func() int { return total }())
	}
	walk := func(yield func(int) bool) {
		for k := range limit {
			if !yield(k) {
				return
			}
		}
	}
	sum := 0
	for v := range walk {
		sum += v + len(last)
	}
	if !check() {
		return 0, fmt.Errorf("bad")
	}
	return total + sum, nil
}

func seq(words []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, w := range words {
			if !yield(strings.ToUpper(w)) {
				return
			}
		}
	}
}

func nested(a, b int) func() int {
	c := a * 2
	return func() int {
		d := c + 1
		return func() int {
			b++
			return b + d
		}()
	}
}

var counter = func() func() int {
	n := 0
	return func() int { n++; return n }
}()
