package main

import (
	"fmt"
	"io"
	"strings"
)

type Doc struct{ Text string }

func main() {
	var r io.Reader = strings.NewReader("x")
	if d, ok := r.(Doc); ok { // fix: if d, ok := r.(*strings.Reader); ok {
		fmt.Println(d)
	}
}
