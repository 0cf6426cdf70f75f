package main

import "fmt"

type Box[T any] struct{ v T }

func main() {
	b := Box[int, string]{v: 3} // fix: b := Box[int]{v: 3}
	fmt.Println(b.v)
}
