package main

import "fmt"

func main() {
	mask := uint8(0x1ff) // fix: mask := uint8(0xff)
	fmt.Printf("%08b\n", mask)
}
