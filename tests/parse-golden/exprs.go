package p

import (
	"fmt"
	. "math"
	_ "embed"
	str "strings"
)

var (
	a = (*T).M
	b = T.M
	c = []byte("x")
	d = (<-chan int)(nil)
	e = map[string][]int{"a": {1, 2}, "b": nil}
	f = [...]string{2: "x", 5: "y"}
	g = struct {
		A int `json:"a"`
		B, C string
		*Embedded
		pkg.Other
		Gen[int]
	}{}
	h = func(x int) int { return -x }(1)
	i = x.(interface{ M() })
	j = s[1:], s[:2], s[:], s[1:2:3]
	k = &T{A: 1} != nil && !ok || ^x<<2 == 1
	l = 'a' + 1.5e3 + 0x1p-2i + 0o17
	m = `raw
string`
	n = fmt.Sprintf("%d", 1)
	o chan<- chan int
	p <-chan <-chan int
	q func(int, ...string) (a, b int)
	r = new(int)
	s = *p + -q
	t = append(xs, ys...)
	u = max(1, 2, 3)
)
