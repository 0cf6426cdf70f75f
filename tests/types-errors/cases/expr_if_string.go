package main

import (
	"fmt"
	"os"
)

func main() {
	name := os.Getenv("USER")
	if name { // fix: if name != "" {
		fmt.Println(name)
	}
}
