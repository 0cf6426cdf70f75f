package main

import "fmt"

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func main() {
	rows := [][]int{{1}, {2}}
	fmt.Println(Index(rows, []int{2})) // fix: fmt.Println(len(rows))
}
