package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := strconv.Atoi("12") + 1 // fix: v, _ := strconv.Atoi("12"); n := v + 1
	fmt.Println(n)
}
