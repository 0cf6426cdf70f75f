package main

import "fmt"

func checksum(data []byte) uint32 // fix: func checksum(data []byte) uint32 { return uint32(len(data)) }

func main() {
	fmt.Println(len("abc"))
}
