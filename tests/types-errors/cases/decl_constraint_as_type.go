package main

import "fmt"

type Numeric interface {
	~int | ~int64 | ~float64
}

func total(xs []Numeric) float64 { // fix: func total[N Numeric](xs []N) float64 {
	var t float64
	for range xs {
		t++
	}
	return t
}

func main() {
	fmt.Println(total(nil)) // fix: fmt.Println(total([]int{1, 2}))
}
