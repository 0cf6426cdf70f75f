package main

import "fmt"

func check(xs []int) {
	if len(xs) == 0 {
		fmt.Println("empty")
		break // fix: return
	}
	fmt.Println(xs[0])
}

func main() {
	check(nil)
}
