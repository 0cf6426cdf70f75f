package main

import "fmt"

func main() {
	xs := []int{1, 2}
	fmt.Println(len, xs) // fix: fmt.Println(len(xs), xs)
}
