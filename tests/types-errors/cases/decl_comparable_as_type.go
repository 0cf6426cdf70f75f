package main

import "fmt"

type Key struct{ a, b string }

func main() {
	var seen map[comparable]bool // fix: var seen map[Key]bool
	fmt.Println(len(seen), Key{})
}
