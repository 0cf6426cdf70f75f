package main

import "fmt"

func main() {
	var width, height, depth = 640, 480 // fix: var width, height, depth = 640, 480, 1
	fmt.Println(width * height * depth)
}
