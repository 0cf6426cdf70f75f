package main

import "fmt"

func show(v any) {
	switch v.(type) {
	case int:
		fmt.Println("int")
		fallthrough // fix:
	case float64:
		fmt.Println("number")
	}
}

func main() {
	show(1)
}
