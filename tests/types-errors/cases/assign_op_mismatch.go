package main

import "fmt"

func main() {
	count := 0
	for _, w := range []string{"a", "b"} {
		count += w // fix: count += len(w)
	}
	fmt.Println(count)
}
