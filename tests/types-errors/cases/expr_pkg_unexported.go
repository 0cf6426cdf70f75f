package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.indexFunc("abc", nil, false)) // fix: fmt.Println(strings.IndexFunc("abc", nil))
}
