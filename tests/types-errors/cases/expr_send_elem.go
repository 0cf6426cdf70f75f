package main

import "fmt"

func main() {
	names := make(chan string, 1)
	id := 42
	names <- id // fix: names <- fmt.Sprint(id)
	fmt.Println(<-names)
}
