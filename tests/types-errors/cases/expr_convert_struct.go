package main

import "fmt"

type A struct{ X int }
type B struct{ Y int }

func main() {
	a := A{1}
	b := B(a) // fix: b := B{a.X}
	fmt.Println(b)
}
