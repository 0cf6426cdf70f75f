package main

import "fmt"

type IntPtr *int

func (p IntPtr) Get() int { return 0 } // fix:

func main() {
	x := 4
	var p IntPtr = &x
	fmt.Println(*p)
}
