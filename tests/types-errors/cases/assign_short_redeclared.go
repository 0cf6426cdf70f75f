package main

import (
	"fmt"
	"strconv"
)

func main() {
	count := 0
	count, ok := strconv.Quote("x"), true // fix: label, ok := strconv.Quote("x"), true
	fmt.Println(count, ok) // fix: fmt.Println(count, label, ok)
}
