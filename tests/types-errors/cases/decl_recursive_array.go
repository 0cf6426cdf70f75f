package main

import "fmt"

type Matrix [4]Row

type Row struct {
	cells [4]float64
	next  Matrix // fix: next  *Matrix
}

func main() {
	var m Matrix
	fmt.Println(len(m))
}
