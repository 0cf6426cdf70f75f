package main

import "fmt"

func grade(score int) string {
	g := ""
	switch {
	case score >= 90:
		g = "A"
		fallthrough
	case score >= 80:
		g += "+"
		fallthrough // fix:
	}
	return g
}

func main() {
	fmt.Println(grade(95))
}
