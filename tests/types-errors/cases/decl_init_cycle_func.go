package main

import "fmt"

var defaults = loadDefaults()

func loadDefaults() map[string]string {
	m := map[string]string{"env": "dev"}
	for k, v := range defaults { // fix: for k, v := range map[string]string{} {
		m[k] = v
	}
	return m
}

func main() {
	fmt.Println(defaults)
}
