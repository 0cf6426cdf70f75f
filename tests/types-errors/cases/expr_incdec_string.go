package main

import "fmt"

func main() {
	version := "1"
	version++ // fix: version += "1"
	fmt.Println(version)
}
