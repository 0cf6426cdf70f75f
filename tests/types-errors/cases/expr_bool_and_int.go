package main

import "fmt"

func main() {
	a, b := 1, 2
	if a && b { // fix: if a != 0 && b != 0 {
		fmt.Println("both")
	}
}
