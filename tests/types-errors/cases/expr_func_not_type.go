package main

import "fmt"

func parse(s string) int { return len(s) }

func main() {
	var p parse // fix: var p = parse
	fmt.Println(p("ab"))
}
