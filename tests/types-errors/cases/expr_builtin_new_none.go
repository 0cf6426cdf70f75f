package main

import "fmt"

type Node struct{ Next *Node }

func main() {
	n := new() // fix: n := new(Node)
	fmt.Println(n)
}
