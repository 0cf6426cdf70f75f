package main

import "fmt"

type Cache[K comparable, V any] struct {
	data map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: map[K]V{}}
}

func main() {
	var c *Cache[string] // fix: var c *Cache[string, int]
	c = NewCache[string, int]()
	fmt.Println(len(c.data))
}
