package main

import "fmt"

func main() {
	results := []int{1, 2}
	v := <-results // fix: v := results[0]
	fmt.Println(v)
}
