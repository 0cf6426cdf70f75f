package main

import "fmt"

func main() {
	sessions := map[string]int{"a1": 1, "b2": 2}
	for id, n := range sessions {
		if n > 1 {
			delete(sessions, n) // fix: delete(sessions, id)
		}
		_ = id
	}
	fmt.Println(len(sessions))
}
