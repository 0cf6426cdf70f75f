package main

import "fmt"

func main() {
	seen := map[string]bool{}
	seen = append(seen, "x") // fix: seen["x"] = true
	fmt.Println(seen)
}
