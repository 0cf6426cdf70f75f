package main

import "fmt"

func main() {
	limits := map[string]int{
		"cpu":    4,
		"memory": "2Gi", // fix: "memory": 2048,
	}
	fmt.Println(limits)
}
