package main

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- fmt.Sprint(j * 2) // fix: results <- j * 2
	}
	close(results)
}

func main() {
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	go worker(jobs, results)
	for i := 1; i <= 3; i++ {
		jobs <- i
	}
	close(jobs)
	for r := range results {
		fmt.Println(r)
	}
}
