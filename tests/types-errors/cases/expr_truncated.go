package main

import "fmt"

func main() {
	n := 10
	half := n * 0.5 // fix: half := n / 2
	fmt.Println(half)
}
