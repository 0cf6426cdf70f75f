package main

import "fmt"

func main() {
	x := 1.5 << 2 // fix: x := 1 << 2
	fmt.Println(x)
}
