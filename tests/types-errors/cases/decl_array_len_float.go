package main

import "fmt"

const ratio = 1.5

func main() {
	var buf [ratio * 3]byte // fix: var buf [int(ratio * 2)]byte
	fmt.Println(len(buf))
}
