package main

import "fmt"

func describe(v any) {
	switch x := v.(type) {
	case Stringer: // fix: case fmt.Stringer:
		fmt.Println(x.String())
	default:
		fmt.Println(x)
	}
}

func main() { describe(1) }
