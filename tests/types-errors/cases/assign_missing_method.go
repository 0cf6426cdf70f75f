package main

import (
	"fmt"
	"io"
)

type counter struct{ n int }

func (c *counter) Write2(p []byte) (int, error) { // fix: func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

func main() {
	c := &counter{}
	var w io.Writer = c
	fmt.Fprintf(w, "hello %d", 42)
	fmt.Println(c.n)
}
