package main

import (
	"fmt"
	"os"
)

func main() {
	n := len(os.Args)
	var counts [n + 1]int // fix: counts := make([]int, n+1)
	fmt.Println(len(counts))
}
