package main

import "fmt"

func scale(v float64, k uint) float64 {
	return v << k // fix: return v * float64(uint(1)<<k)
}

func main() {
	fmt.Println(scale(1.5, 2))
}
