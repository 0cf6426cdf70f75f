package main

import "fmt"

func capitalize(s string) string {
	if s == "" {
		return s
	}
	s[0] = s[0] - 32 // fix: s = string(s[0]-32) + s[1:]
	return s
}

func main() { fmt.Println(capitalize("go")) }
