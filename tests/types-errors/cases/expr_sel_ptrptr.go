package main

import "fmt"

type Node struct{ Val int }

func main() {
	n := &Node{Val: 1}
	pp := &n
	fmt.Println(pp.Val) // fix: fmt.Println((*pp).Val)
}
