package main

import "fmt"

func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	nums := []int{1, 2, 3}
	fmt.Println(total(nums...)) // fix: fmt.Println(total(nums))
}
