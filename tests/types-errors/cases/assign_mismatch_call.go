package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := strconv.Atoi("42") // fix: n, _ := strconv.Atoi("42")
	fmt.Println(n + 1)
}
