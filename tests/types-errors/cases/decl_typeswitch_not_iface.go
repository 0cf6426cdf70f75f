package main

import "fmt"

func main() {
	values := []int{1, 2, 3}
	for _, v := range values {
		switch v.(type) { // fix: switch any(v).(type) {
		case int:
			fmt.Println("int", v)
		}
	}
}
