package main

import "fmt"

func main() {
	var gray uint8 = 200
	gray += 256 // fix: gray += 50
	fmt.Println(gray)
}
