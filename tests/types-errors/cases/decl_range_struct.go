package main

import "fmt"

type Inventory struct {
	items []string
}

func main() {
	inv := Inventory{items: []string{"a", "b"}}
	for _, it := range inv { // fix: for _, it := range inv.items {
		fmt.Println(it)
	}
}
