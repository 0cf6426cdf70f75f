package main

import "fmt"

func main() {
	parts := []string{"a", "b"}
	fmt.Println(len(parts...)) // fix: fmt.Println(len(parts))
}
