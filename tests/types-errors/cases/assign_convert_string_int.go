package main

import "fmt"

func main() {
	port := int("8080") // fix: port := 8080
	fmt.Println(port + 1)
}
