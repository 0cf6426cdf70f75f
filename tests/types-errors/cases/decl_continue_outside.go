package main

import "fmt"

func process(items []string) {
	for _, it := range items {
		func() {
			if it == "" {
				continue // fix: return
			}
			fmt.Println(it)
		}()
	}
}

func main() {
	process([]string{"a", ""})
}
