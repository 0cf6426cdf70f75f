package main

import "fmt"

func describe(v any) string {
	var s string = v // fix: s, _ := v.(string)
	return "value: " + s
}

func main() { fmt.Println(describe("x")) }
