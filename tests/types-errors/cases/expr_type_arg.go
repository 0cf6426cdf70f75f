package main

import "fmt"

type Mode int

func main() {
	fmt.Println(Mode) // fix: fmt.Println(Mode(0))
}
