package main

import "fmt"

func kind(v int) string {
	switch v.(type) { // fix: switch any(v).(type) {
	case int:
		return "int"
	}
	return "other"
}

func main() { fmt.Println(kind(1)) }
