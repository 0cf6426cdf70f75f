package main

import (
	"fmt"
	"os"
)

func main() {
	n := len(os.Args)
	if n { // fix: if n > 0 {
		fmt.Println("args")
	}
}
