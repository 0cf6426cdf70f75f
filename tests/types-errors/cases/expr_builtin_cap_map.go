package main

import "fmt"

func main() {
	index := make(map[string]int, 16)
	fmt.Println(cap(index)) // fix: fmt.Println(len(index))
}
