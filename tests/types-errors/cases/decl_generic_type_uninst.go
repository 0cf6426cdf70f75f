package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func main() {
	var s Stack // fix: var s Stack[int]
	s.Push(1)
	fmt.Println(len(s.items))
}
