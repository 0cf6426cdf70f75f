package main

import "fmt"

func main() {
	price := 100
	price *= 1.15 // fix: price = price * 115 / 100
	fmt.Println(price)
}
