package main

import "fmt"

func main() {
	total := 42
	total /= 0 // fix: total /= 2
	fmt.Println(total)
}
