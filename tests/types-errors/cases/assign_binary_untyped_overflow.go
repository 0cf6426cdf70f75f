package main

import "fmt"

func main() {
	var level int8 = 100
	if level > 300 { // fix: if level > 120 {
		fmt.Println("too high")
	}
	fmt.Println(level)
}
