package main

import "fmt"

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func main() {
	fmt.Println(clamp(15, 10)) // fix: fmt.Println(clamp(15, 0, 10))
}
