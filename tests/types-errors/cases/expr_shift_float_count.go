package main

import "fmt"

func main() {
	bits := 3.0
	var n float64 = bits
	mask := 1 << n // fix: mask := 1 << int(n)
	fmt.Println(mask)
}
