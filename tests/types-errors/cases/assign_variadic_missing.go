package main

import "fmt"

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func main() {
	fmt.Println(sum()) // fix: fmt.Println(sum(0))
}
