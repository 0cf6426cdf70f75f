package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	b.WriteString("abc")
	fmt.Println(len(b.buf)) // fix: fmt.Println(b.Len())
}
