package main

import "fmt"

func maxOf(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m, nil // fix: return m
}

func main() { fmt.Println(maxOf([]int{3, 9, 2})) }
