package main

import (
	"fmt"
	"strconv"
)

var limit = strconv.Atoi("10") // fix: var limit, _ = strconv.Atoi("10")

func main() { fmt.Println(limit) }
