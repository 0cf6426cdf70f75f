package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{3, 1, 2}
	sorted := sort.Ints(xs) // fix: sort.Ints(xs); sorted := xs
	fmt.Println(sorted)
}
