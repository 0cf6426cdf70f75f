// Package errs holds the type errors the checker reports today: undefined names (plain,
// qualified, in types and receivers), unused imports (plain and renamed) and unused
// variables (assignments are not uses; x++ and x.f = v are; type switch variables), and
// missing returns (terminating statements with breaks, fallthrough, goto, panic).
package errs

import (
	"fmt"
	str "strings"
	"os"
	_ "sort"
	. "unicode"
)

type T struct {
	f Missing
	g fmt.Stringerr
}

func (r *Nope) M() {}

func f() int {
	x := undefinedVar + 1
	var y = fmt.Printn
	_ = y
	_ = IsUpper
	return x + zork()
}

func unused(xs []int, m map[string]int) {
	a := 1
	b, c := 2, 3
	_ = c
	var d int
	d = 4
	e := 0
	e++
	for i, v := range xs {
		_ = i
	}
	var k string
	for k = range m {
	}
	switch t := any(a).(type) {
	case int:
	}
	switch u := any(xs).(type) {
	case int:
		_ = u
	}
	f := func() {
		g := 1
		_ = b
	}
	f()
	var h struct{ n int }
	h.n = 1
	p := &h
	p = nil
}

func noReturn(x int) int {
	if x > 0 {
		return 1
	}
}

func terminating(x int, ch chan int) int {
	for {
		if x > 0 {
			break
		}
	}
}

func fine(x int, ch chan int) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		fallthrough
	default:
		panic("x")
	}
}

func fine2(ch chan int) (n int) {
L:
	for {
		select {
		case v := <-ch:
			if v > 0 {
				break L
			}
		}
	}
}

func fine3(ch chan int) int {
	for {
		select {
		case <-ch:
			break
		}
	}
}

func fine4(x int) int {
	if x > 1 {
		return 1
	} else if x > 0 {
		goto end
	} else {
		panic(x)
	}
end:
	return 0
}
