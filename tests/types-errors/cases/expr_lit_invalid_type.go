package main

import "fmt"

type ID int

func main() {
	id := ID{7} // fix: id := ID(7)
	fmt.Println(id)
}
