package main

import "fmt"

func main() {
	jobs := make(chan string, 2)
	jobs <- "a"
	jobs <- "b"
	close(jobs)
	for i, j := range jobs { // fix: for j := range jobs { i := 0
		fmt.Println(i, j)
	}
}
