package main

import (
	"fmt"
	"strings"
)

func main() {
	s, err := strings.ToUpper("hello") // fix: s, err := strings.ToUpper("hello"), error(nil)
	fmt.Println(s, err)
}
