package main

import "fmt"

func main() {
	input := "42"
	n := int(input) // fix: n := len(input)
	fmt.Println(n + 1)
}
