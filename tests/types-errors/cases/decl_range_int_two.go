package main

import "fmt"

func main() {
	n := 5
	for i, sq := range n { // fix: for i := range n { sq := i * i
		fmt.Println(i, sq)
	}
}
