package main

import (
	"fmt"
	"strconv"
)

func main() {
	var ids []int
	for _, s := range []string{"1", "2"} {
		ids = append(ids, s) // fix: n, _ := strconv.Atoi(s); ids = append(ids, n)
	}
	fmt.Println(ids)
	_ = strconv.Itoa
}
