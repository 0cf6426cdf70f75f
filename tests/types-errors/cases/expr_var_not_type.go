package main

import "fmt"

func main() {
	size := 4
	var buf [4]size // fix: var buf [4]int
	fmt.Println(buf, size)
}
