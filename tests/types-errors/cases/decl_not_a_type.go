package main

import "fmt"

var config = map[string]string{"mode": "fast"}

func describe(c config) string { // fix: func describe(c map[string]string) string {
	return c["mode"]
}

func main() {
	fmt.Println(describe(config))
}
