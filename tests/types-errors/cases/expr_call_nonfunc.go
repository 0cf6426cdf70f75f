package main

import "fmt"

func main() {
	size := 10
	buf := make([]byte, size)
	fmt.Println(len(buf), size(buf)) // fix: fmt.Println(len(buf), size)
}
