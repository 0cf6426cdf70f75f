package main

import "fmt"

func nest[T any](v T, depth int) any {
	if depth == 0 {
		return v
	}
	return nest([]T{v}, depth-1) // fix: return nest(v, depth-1)
}

func main() {
	fmt.Println(nest(1, 3))
}
