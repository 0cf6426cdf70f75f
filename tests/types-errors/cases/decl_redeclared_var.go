package main

import "fmt"

var (
	maxRetries = 3
	timeoutSec = 30
	maxRetries = 5 // fix: maxBackoff = 5
)

func main() {
	fmt.Println(maxRetries, timeoutSec)
}
