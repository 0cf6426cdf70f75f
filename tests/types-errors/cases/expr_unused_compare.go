package main

import "fmt"

func main() {
	ok := true
	ok == false // fix: ok = false
	fmt.Println(ok)
}
