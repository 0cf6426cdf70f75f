package main

import "fmt"

func Identity[T any](v T) T { return v }

func main() {
	f := Identity // fix: f := Identity[int]
	fmt.Println(f(3))
}
