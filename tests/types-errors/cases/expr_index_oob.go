package main

import "fmt"

func main() {
	rgb := [3]uint8{255, 128, 0}
	alpha := rgb[3] // fix: alpha := rgb[2]
	fmt.Println(alpha)
}
