package main

import "fmt"

func classify(n int) string {
	s := ""
	switch {
	case n < 0:
		s = "negative"
		if n < -100 {
			fallthrough // fix: s = "very negative"
		}
	case n == 0:
		s = "zero"
	}
	return s
}

func main() {
	fmt.Println(classify(-5))
}
