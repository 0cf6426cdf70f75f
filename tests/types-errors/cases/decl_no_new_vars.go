package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("42")
	if err != nil {
		return
	}
	n, err := strconv.Atoi("17") // fix: n, err = strconv.Atoi("17")
	if err != nil {
		return
	}
	fmt.Println(n)
}
