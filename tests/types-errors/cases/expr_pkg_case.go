package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.toUpper("abc")) // fix: fmt.Println(strings.ToUpper("abc"))
}
