package main

import (
	"fmt"
	"strconv"
)

func double(n int) int { return 2 * n }

func main() {
	fmt.Println(double(strconv.Atoi("21")), "done") // fix: n, _ := strconv.Atoi("21"); fmt.Println(double(n), "done")
}
