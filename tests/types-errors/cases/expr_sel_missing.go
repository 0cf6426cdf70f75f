package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func main() {
	var s Stack
	s.Push(1)
	fmt.Println(s.Pop()) // fix: fmt.Println(s.items)
}
