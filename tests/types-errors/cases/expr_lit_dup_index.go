package main

import "fmt"

const (
	A = iota
	B
)

var labels = []string{
	A: "a",
	B: "b",
	0: "zero", // fix:
}

func main() {
	fmt.Println(labels)
}
