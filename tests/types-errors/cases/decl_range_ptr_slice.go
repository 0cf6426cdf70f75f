package main

import "fmt"

func sum(xs *[]int) int {
	t := 0
	for _, x := range xs { // fix: for _, x := range *xs {
		t += x
	}
	return t
}

func main() {
	xs := []int{1, 2}
	fmt.Println(sum(&xs))
}
