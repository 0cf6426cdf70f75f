package main

import "fmt"

const digits = "0123456789"

func main() {
	fmt.Println(digits[10]) // fix: fmt.Println(digits[9])
}
