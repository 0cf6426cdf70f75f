package main

import "fmt"

func main() {
	var retries int = 2.5 // fix: var retries int = 2
	for i := 0; i < retries; i++ {
		fmt.Println("try", i)
	}
}
