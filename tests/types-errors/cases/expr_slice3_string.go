package main

import "fmt"

func main() {
	s := "hello, world"
	fmt.Println(s[0:5:5]) // fix: fmt.Println(s[0:5])
}
