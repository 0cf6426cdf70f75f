package main

import "fmt"

type Queue[T any] struct {
	items []T
}

func (q *Queue) Len() int { // fix: func (q *Queue[T]) Len() int {
	return len(q.items)
}

func main() {
	q := &Queue[string]{}
	fmt.Println(q.Len())
}
