package main

import "fmt"

const (
	Red = iota
	Green
	Blue
)

var names = map[int]string{
	Red:   "red",
	Green: "green",
	1:     "blue", // fix: Blue:  "blue",
}

func main() {
	fmt.Println(names)
}
