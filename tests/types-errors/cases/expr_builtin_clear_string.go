package main

import "fmt"

func main() {
	s := "hello"
	clear(s) // fix: s = ""
	fmt.Println(s)
}
