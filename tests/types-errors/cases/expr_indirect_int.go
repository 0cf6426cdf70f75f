package main

import "fmt"

func main() {
	n := 4
	fmt.Println(*n) // fix: fmt.Println(n)
}
