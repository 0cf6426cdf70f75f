package main

import "fmt"

var counter = counter + 1 // fix: var counter = 1

func main() {
	fmt.Println(counter)
}
