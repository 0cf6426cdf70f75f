package main

import "fmt"

func main() {
	total := 0
	total = append(total, 5) // fix: total = total + 5
	fmt.Println(total)
}
