package main

import "fmt"

func main() {
	var buf [4]byte
	copy(buf, "abcd") // fix: copy(buf[:], "abcd")
	fmt.Println(buf)
}
