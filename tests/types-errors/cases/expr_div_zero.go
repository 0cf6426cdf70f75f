package main

import "fmt"

func main() {
	total := 10
	avg := total / 0 // fix: avg := total / 2
	fmt.Println(avg)
}
