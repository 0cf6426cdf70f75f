package main

import "fmt"

func produce(out <-chan int) {
	out <- 1 // fix:
}

func main() {
	ch := make(chan int, 1)
	produce(ch)
	fmt.Println(len(ch))
}
