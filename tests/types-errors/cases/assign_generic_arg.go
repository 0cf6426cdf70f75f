package main

import "fmt"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	lens := Map([]string{"a", "bb"}, func(s string) int { return len(s) })
	var total string = lens[0] // fix: var total int = lens[0]
	fmt.Println(total)
}
