package main

import "fmt"

func main() {
	x := 2.5
	fmt.Println(real(x)) // fix: fmt.Println(real(complex(x, 0)))
}
