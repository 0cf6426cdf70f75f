package main

import "fmt"

func main() {
	words := []string{"a", "b"}
	n := len() // fix: n := len(words)
	fmt.Println(n, words)
}
