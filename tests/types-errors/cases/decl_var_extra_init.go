package main

import "fmt"

func main() {
	var host, port = "localhost", 8080, true // fix: var host, port = "localhost", 8080
	fmt.Println(host, port)
}
