package main

import "fmt"

func (n int) Double() int { // fix: func double(n int) int {
	return n * 2
}

func main() {
	fmt.Println(3)
}
