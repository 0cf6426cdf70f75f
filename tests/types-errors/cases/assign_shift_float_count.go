package main

import "fmt"

func main() {
	size := 1
	for i := 0; i < 3; i++ {
		size = size << 1.5 // fix: size = size << 1
	}
	fmt.Println(size)
}
