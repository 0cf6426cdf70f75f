package main

import "fmt"

func kind(v any) string {
	switch v.(type) {
	case int, int64:
		return "integer"
	case string:
		return "string"
	case float64, int: // fix: case float64, float32:
		return "float"
	}
	return "other"
}

func main() {
	fmt.Println(kind(3))
}
