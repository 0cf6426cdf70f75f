package main

import "fmt"

func parity(n int) string {
	if n%2 == 0 {
		return "even"
	}
	return // fix: return "odd"
}

func main() { fmt.Println(parity(3)) }
