package main

import "fmt"

var size = 16 // fix: const size = 16

type Buffer struct {
	data [size]byte
	n    int
}

func main() {
	var b Buffer
	fmt.Println(len(b.data), b.n)
}
