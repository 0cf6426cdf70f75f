package main

import "fmt"

type Entry[K comparable, V any] struct {
	Key K
	Val V
}

func (e Entry[K]) String() string { // fix: func (e Entry[K, V]) String() string {
	return fmt.Sprint(e.Key)
}

func main() {
	fmt.Println(Entry[string, int]{"a", 1})
}
