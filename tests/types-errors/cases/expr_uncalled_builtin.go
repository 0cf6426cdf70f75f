package main

import "fmt"

func main() {
	xs := []int{1}
	fmt.Println(xs)
	len // fix:
}
