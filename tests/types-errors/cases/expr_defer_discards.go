package main

import "fmt"

func main() {
	items := []string{"a"}
	defer append(items, "done") // fix: defer fmt.Println(append(items, "done"))
	fmt.Println(items)
}
