package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Len() int { return len(s.items) }

func (s *Stack) Push(v ...int) { s.items = append(s.items, v...) } // fix: func (s *Stack) PushAll(v ...int) { s.items = append(s.items, v...) }

func main() {
	var s Stack
	s.Push(1)
	fmt.Println(s.Len())
}
