package main

import "fmt"

func describe(v any) string {
	switch x := v.(type) { // fix: switch v.(type) {
	case int:
		return "int"
	case string:
		return "string"
	}
	return "unknown"
}

func main() {
	fmt.Println(describe(1))
}
