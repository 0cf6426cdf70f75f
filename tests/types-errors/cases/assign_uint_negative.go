package main

import "fmt"

type Stack struct {
	items []int
	top   uint
}

func main() {
	s := Stack{}
	s.top = -1 // fix: s.top = 0
	fmt.Println(s)
}
