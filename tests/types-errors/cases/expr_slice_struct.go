package main

import "fmt"

type Buffer struct{ data []byte }

func main() {
	b := Buffer{data: []byte("abc")}
	fmt.Println(b[1:]) // fix: fmt.Println(b.data[1:])
}
