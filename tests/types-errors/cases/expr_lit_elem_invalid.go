package main

import "fmt"

func main() {
	grid := [][]int{{1, 2}, {3}}
	flat := []int{{1}, {2}} // fix: flat := []int{1, 2}
	fmt.Println(grid, flat)
}
