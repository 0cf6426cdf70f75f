package main

import "fmt"

func main() {
	count := 42
	fmt.Println(len(count)) // fix: fmt.Println(len(fmt.Sprint(count)))
}
