package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() // fix: func (c *Counter) Inc() { c.n++ }

func main() {
	c := &Counter{}
	fmt.Println(c.n)
}
