package main

import "fmt"

func main() {
	a := map[string]int{"x": 1}
	b := map[string]int{"x": 1}
	if a == b { // fix: if len(a) == len(b) {
		fmt.Println("same")
	}
}
