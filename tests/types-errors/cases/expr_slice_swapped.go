package main

import "fmt"

func main() {
	buf := []byte("abcdef")
	fmt.Println(string(buf[4:2])) // fix: fmt.Println(string(buf[2:4]))
}
