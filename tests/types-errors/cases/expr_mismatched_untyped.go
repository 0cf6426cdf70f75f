package main

import "fmt"

func main() {
	prefix := "v"
	version := prefix + 2 // fix: version := prefix + "2"
	fmt.Println(version)
}
