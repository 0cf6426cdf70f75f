package main

import "fmt"

func main() {
	x := 3
	f := float64(x, 2) // fix: f := float64(x) * 2
	fmt.Println(f)
}
