package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	var r io.Reader = strings.NewReader("data")
	s := r.(string) // fix: s := r.(*strings.Reader)
	fmt.Println(s)
}
