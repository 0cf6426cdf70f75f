package main

import (
	"fmt"
	"os" // fix:
)

func main() {
	fmt.Println("hi")
}
