package main

import (
	"fmt"
	"strings"
)

type transform func(string) string

func apply(xs []string, f transform) {
	for i, x := range xs {
		xs[i] = f(x)
	}
}

func main() {
	words := []string{"a", "b"}
	apply(words, strings.Repeat) // fix: apply(words, strings.ToUpper)
	fmt.Println(words)
}
