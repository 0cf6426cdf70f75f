package main

import "fmt"

type Tree struct {
	Value int
	Left  Tree  // fix: Left  *Tree
	Right *Tree
}

func main() {
	t := Tree{Value: 1}
	fmt.Println(t.Value)
}
