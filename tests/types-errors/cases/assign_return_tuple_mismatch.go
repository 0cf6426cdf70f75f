package main

import (
	"fmt"
	"strconv"
)

func parsePort(s string) (int, string) {
	return strconv.Atoi(s) // fix: n, _ := strconv.Atoi(s); return n, s
}

func main() { fmt.Println(parsePort("80")) }
