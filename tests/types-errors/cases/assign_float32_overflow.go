package main

import "fmt"

func main() {
	var limit float32 = 1e40 // fix: var limit float32 = 1e30
	fmt.Println(limit)
}
