package main

import "fmt"

func main() {
	grid := [][]int{{1, 2}, {3, 4}}
outer: // fix:
	for _, row := range grid {
		for _, v := range row {
			if v == 3 {
				break
			}
			fmt.Println(v)
		}
	}
}
