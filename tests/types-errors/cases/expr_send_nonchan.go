package main

import "fmt"

func main() {
	results := []int{}
	results <- 1 // fix: results = append(results, 1)
	fmt.Println(results)
}
