package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	b.writeString("x") // fix: b.WriteString("x")
	fmt.Println(b.String())
}
