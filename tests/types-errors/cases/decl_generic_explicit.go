package main

import "fmt"

type Ordered interface {
	~int | ~string | ~float64
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Max[bool](true, false)) // fix: fmt.Println(Max[int](1, 2))
}
