package main

import "fmt"

var registry = map[string]int{}

func init(name string) { // fix: func init() {
	registry["default"] = 1
}

func main() {
	fmt.Println(registry)
}
