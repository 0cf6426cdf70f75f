package main

import "fmt"

type Counter int

func main() {
	c := make(Counter) // fix: c := Counter(0)
	fmt.Println(c)
}
