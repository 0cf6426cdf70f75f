package main

import "fmt"

func main() {
	xs := []int{3, 1, 2}
	fmt.Println(min(xs)) // fix: fmt.Println(min(xs[0], xs[1], xs[2]))
}
