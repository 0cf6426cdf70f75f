package main

import (
	"fmt"
	"strings"
)

func main() {
	var r strings.NewReader // fix: r := strings.NewReader("x")
	fmt.Println(r)
}
