package main

import "fmt"

func main() {
	msg := "hi"
	fmt.Println(msg)
	msg // fix:
}
