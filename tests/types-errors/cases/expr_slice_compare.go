package main

import "fmt"

func equal(a, b []int) bool {
	return a == b // fix: return fmt.Sprint(a) == fmt.Sprint(b)
}

func main() {
	fmt.Println(equal([]int{1}, []int{1}))
}
