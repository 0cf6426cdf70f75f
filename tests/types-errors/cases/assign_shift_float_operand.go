package main

import "fmt"

func main() {
	scale := 2.0
	var n uint = 3
	fmt.Println(scale << n) // fix: fmt.Println(int(scale) << n)
}
