package main

import "fmt"

type Shape interface {
	Shape // fix:
	Area() float64
}

type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

func main() {
	var sh Shape = Square{2}
	fmt.Println(sh.Area())
}
