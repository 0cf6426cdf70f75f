package main

import "fmt"

func main() {
	items := []string{"a", "b", "c"}
	delete(items, 1) // fix: items = append(items[:1], items[2:]...)
	fmt.Println(items)
}
