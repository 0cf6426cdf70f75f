package main

import "fmt"

var init = loadDefaults() // fix: var defaults = loadDefaults()

func loadDefaults() map[string]string {
	return map[string]string{"mode": "dev"}
}

func main() {
	fmt.Println("ok")
}
