package main

import "fmt"

const (
	slots  = 4
	offset = 6
)

func main() {
	var table [slots - offset]int // fix: var table [offset - slots]int
	fmt.Println(len(table))
}
