package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings) // fix: fmt.Println(strings.ToUpper("x"))
}
