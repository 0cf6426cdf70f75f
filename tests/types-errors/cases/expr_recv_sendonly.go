package main

import "fmt"

func worker(out chan<- int) {
	v := <-out // fix: v := 1
	fmt.Println(v)
}

func main() {
	ch := make(chan int, 1)
	worker(ch)
}
