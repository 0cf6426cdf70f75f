package main

import "fmt"

func main() {
	count := 3
	if n, ok := count.(int); ok { // fix: if n, ok := any(count).(int); ok {
		fmt.Println(n)
	}
}
