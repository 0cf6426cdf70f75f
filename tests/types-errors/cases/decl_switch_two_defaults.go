package main

import "fmt"

func level(n int) string {
	switch {
	case n > 10:
		return "high"
	default:
		return "low"
	case n > 5:
		return "mid"
	default: // fix: case n < 0:
		return "none"
	}
}

func main() {
	fmt.Println(level(7))
}
