package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	last := xs[-1] // fix: last := xs[len(xs)-1]
	fmt.Println(last)
}
