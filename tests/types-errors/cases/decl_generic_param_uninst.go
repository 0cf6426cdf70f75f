package main

import "fmt"

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	val  T
	next *node // fix: next *node[T]
}

func main() {
	var l List[int]
	fmt.Println(l.head == nil)
}
