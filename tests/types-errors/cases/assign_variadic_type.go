package main

import (
	"fmt"
	"strings"
)

func joinAll(sep string, parts ...string) string { return strings.Join(parts, sep) }

func main() {
	ids := []int{1, 2, 3}
	fmt.Println(joinAll(",", ids...)) // fix: fmt.Println(joinAll(",", "1", "2", "3"))
	_ = ids
}
