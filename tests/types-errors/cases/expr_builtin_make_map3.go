package main

import "fmt"

func main() {
	m := make(map[string]int, 10, 20) // fix: m := make(map[string]int, 20)
	fmt.Println(len(m))
}
