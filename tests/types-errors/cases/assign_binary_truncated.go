package main

import "fmt"

func main() {
	total := 0
	for _, v := range []int{1, 2, 3} {
		total += v
	}
	avg := total / 1.5 // fix: avg := float64(total) / 1.5
	fmt.Println(avg)
}
