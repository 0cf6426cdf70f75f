package main

import "fmt"

func main() {
	var flags uint32 = 0xf0
	low := flags >> -4 // fix: low := flags >> 4
	fmt.Printf("%x\n", low)
}
