package main

import (
	"fmt"
	"strconv"
)

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func main() {
	n := "3"
	fmt.Println(repeat("ab", n)) // fix: k, _ := strconv.Atoi(n); fmt.Println(repeat("ab", k))
	_ = strconv.Itoa
}
