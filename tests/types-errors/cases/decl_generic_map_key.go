package main

import "fmt"

type Set[K comparable] map[K]struct{}

func (s Set[K]) Add(k K) { s[k] = struct{}{} }

func main() {
	s := Set[func()]{} // fix: s := Set[string]{}
	fmt.Println(len(s))
}
