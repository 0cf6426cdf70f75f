package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString('x') // fix: buf.WriteString("x")
	fmt.Println(buf.String())
}
