package main

import "fmt"

type Weekday uint8

const (
	Sunday   Weekday = 0
	Saturday Weekday = 6
	Never    Weekday = -1 // fix: Never Weekday = 255
)

func main() { fmt.Println(Sunday, Saturday, Never) }
