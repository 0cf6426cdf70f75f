package main

import "fmt"

func Convert[T any, T any](v T) T { // fix: func Convert[T any, U any](v T) T {
	return v
}

func main() {
	fmt.Println(Convert(1)) // fix: fmt.Println(Convert[int, string](1))
}
