package main

import "fmt"

func main() {
	names := []string{"a", "b"}
	key := "0"
	fmt.Println(names[key]) // fix: fmt.Println(names[0], key)
}
