package main

import "fmt"

func drain(in <-chan int) {
	for v := range in {
		fmt.Println(v)
	}
	close(in) // fix:
}

func main() {
	ch := make(chan int)
	close(ch)
	drain(ch)
}
