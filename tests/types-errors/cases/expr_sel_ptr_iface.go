package main

import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

func total(p *Shape) float64 {
	return p.Area() // fix: return (*p).Area()
}

func main() {
	var s Shape = Square{2}
	fmt.Println(total(&s))
}
