package main

import "fmt"

const maxRetries = 3

func main() {
	attempts := 0
	for attempts < maxRetries {
		attempts++
	}
	maxRetries = 5 // fix: attempts = 5
	fmt.Println(attempts)
}
