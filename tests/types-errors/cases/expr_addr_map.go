package main

import "fmt"

func main() {
	counts := map[string]int{"a": 1}
	p := &counts["a"] // fix: v := counts["a"]; p := &v
	fmt.Println(*p)
}
