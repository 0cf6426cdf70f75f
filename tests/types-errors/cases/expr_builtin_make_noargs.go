package main

import "fmt"

func main() {
	buf := make([]byte) // fix: buf := make([]byte, 0, 64)
	buf = append(buf, 'x')
	fmt.Println(buf)
}
