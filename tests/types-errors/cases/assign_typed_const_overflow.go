package main

import "fmt"

type Priority int8

const (
	Low  Priority = 10
	High Priority = 100
)

func main() {
	urgent := High * 2 // fix: urgent := High + 20
	fmt.Println(Low, High, urgent)
}
