package main

import "fmt"

var ready bool

func init[T any]() { // fix: func init() {
	ready = true
}

func main() {
	fmt.Println(ready)
}
