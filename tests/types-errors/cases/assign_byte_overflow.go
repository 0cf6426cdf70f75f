package main

import "fmt"

func checksum(data []byte) byte {
	var sum byte = 300 // fix: var sum byte = 0
	for _, b := range data {
		sum += b
	}
	return sum
}

func main() { fmt.Println(checksum([]byte("hello"))) }
