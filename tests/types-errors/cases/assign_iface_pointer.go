package main

import (
	"fmt"
	"io"
	"strings"
)

func readAll(r *io.Reader) string { // fix: func readAll(r io.Reader) string {
	b, _ := io.ReadAll(r)
	return string(b)
}

func main() {
	fmt.Println(readAll(strings.NewReader("hi")))
}
