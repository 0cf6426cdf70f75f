package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "a,b,c"
	fmt.Println(strings.Split(s, ",", 2)) // fix: fmt.Println(strings.SplitN(s, ",", 2))
}
