package main

import "fmt"

func main() {
	queue := []int{1, 2, 3}
	for len(queue) { // fix: for len(queue) > 0 {
		fmt.Println(queue[0])
		queue = queue[1:]
	}
}
