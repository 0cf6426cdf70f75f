package main

import "fmt"

func compute() (int, error) { return 7, nil }

func main() {
	result := 0
	result, _ := compute() // fix: result, _ = compute()
	fmt.Println(result)
}
