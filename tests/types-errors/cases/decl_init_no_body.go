package main

import "fmt"

var table map[string]int

func init() // fix: func init() { table = map[string]int{"a": 1} }

func main() {
	fmt.Println(table)
}
