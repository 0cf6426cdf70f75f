package main

import "fmt"

func main() {
	last := nil // fix: var last error
	for _, s := range []string{"a", "b"} {
		fmt.Println(s, last)
	}
}
