// Package p has one of every statement.
package p

import (
	"fmt"
	. "math"
	_ "os"
)

func stmts(ch chan int, xs []int, m map[string]int) (r int, err error) {
	;
	x := 1;
	var y, z = 2, 3
	const c = iota
	type T struct{}
	x, y = y, x
	x += 1; y -= 1; x *= 2; x /= 2; x %= 3; x &= 1; x |= 2; x ^= 3; x <<= 1; x >>= 1; x &^= 1
	x++
	y--
	ch <- x
	<-ch
	v, ok := <-ch
	_, _ = v, ok
	go fmt.Println()
	defer func() { recover() }()
	if x := 1; x > 0 {
	} else if y > 0 {
	} else {
	}
	switch {
	case x > 1, y > 2:
		fallthrough
	case z > 3:
	default:
	}
	switch x := 5; x {
	}
	switch t := any(x).(type) {
	case int, string:
		_ = t
	case nil:
	}
	switch any(x).(type) {
	}
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 1:
	case <-ch:
	default:
	}
	for {
		break
	}
	for x < 10 {
		x++
		continue
	}
	for i := 0; i < 10; i++ {
	}
	for ; ; {
	}
	for i := range 10 {
		_ = i
	}
	for range ch {
	}
	for k, v := range m {
		_, _ = k, v
	}
	for k = range m {
	}
	var k string
	_ = k
L:
	for {
		break L
	}
	goto M
M:
	{
	}
	return x, nil
}

func (*T) m() {}
func (t T) n() (int, string) { return 0, "" }

type T int
