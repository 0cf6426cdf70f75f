package main

import "fmt"

type Point struct{ X, Y int }

func less(a, b Point) bool {
	return a < b // fix: return a.X < b.X || a.X == b.X && a.Y < b.Y
}

func main() {
	fmt.Println(less(Point{1, 2}, Point{2, 1}))
}
