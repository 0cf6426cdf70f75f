package main

import "fmt"

func main() {
	buf := make([]int, 64, 8) // fix: buf := make([]int, 8, 64)
	fmt.Println(len(buf))
}
