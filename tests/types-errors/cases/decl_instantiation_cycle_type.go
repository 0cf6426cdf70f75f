package main

import "fmt"

type Tree[T any] struct {
	value    T
	children *Tree[[]T] // fix: children []*Tree[T]
}

func main() {
	var t Tree[int]
	fmt.Println(t.value)
}
