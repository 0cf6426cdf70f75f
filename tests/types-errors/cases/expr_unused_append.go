package main

import "fmt"

func main() {
	var xs []int
	append(xs, 1) // fix: xs = append(xs, 1)
	fmt.Println(xs)
}
