package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, _ := strconv.Atoi("12")
	s := n.(fmt.Stringer) // fix: s := fmt.Stringer(nil)
	fmt.Println(n, s)
}
