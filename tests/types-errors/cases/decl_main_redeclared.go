package main

import "fmt"

func main() {
	fmt.Println("server")
}

func main() { // fix: func mainOld() {
	fmt.Println("client")
}
