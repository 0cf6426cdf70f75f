package main

import "fmt"

func main() {
	var b byte = 200
	fmt.Println(b + 300) // fix: fmt.Println(int(b) + 300)
}
