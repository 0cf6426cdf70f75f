package main

import (
	"fmt"
	"strings"
)

func main() {
	ports := []int{80, 443, "8080"} // fix: ports := []int{80, 443, 8080}
	var parts []string
	for _, p := range ports {
		parts = append(parts, fmt.Sprint(p))
	}
	fmt.Println(strings.Join(parts, ","))
}
