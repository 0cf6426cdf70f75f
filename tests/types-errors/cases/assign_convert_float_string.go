package main

import (
	"fmt"
	"strconv"
)

func main() {
	ratio := 0.75
	label := string(ratio) + "%" // fix: label := strconv.FormatFloat(ratio, 'f', 2, 64) + "%"
	fmt.Println(label)
	_ = strconv.Itoa
}
