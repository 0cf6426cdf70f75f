package main

import "fmt"

func main() {
	items := []string{"a", "stop", "b"}
loop:
	for _, it := range items {
		if it == "stop" {
			break lop // fix: break loop
		}
		fmt.Println(it)
	}
}
