package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{X: 1, Z: 2} // fix: p := Point{X: 1, Y: 2}
	fmt.Println(p)
}
