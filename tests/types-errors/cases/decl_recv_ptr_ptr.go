package main

import "fmt"

type Node struct {
	val  int
	next *Node
}

func (n **Node) Insert(v int) { // fix: func (n *Node) Insert(v int) {
	fmt.Println(v)
}

func main() {
	n := &Node{val: 1}
	fmt.Println(n.val)
}
