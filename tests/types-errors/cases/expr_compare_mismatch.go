package main

import "fmt"

func main() {
	var count int64 = 10
	limit := 5
	if count > limit { // fix: if count > int64(limit) {
		fmt.Println("over")
	}
}
