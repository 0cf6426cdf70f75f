package main

import "fmt"

func main() {
	b := byte(300) // fix: b := byte(255)
	fmt.Println(b)
}
