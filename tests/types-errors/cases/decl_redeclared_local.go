package main

import (
	"fmt"
	"os"
)

func main() {
	var total int
	for _, arg := range os.Args[1:] {
		total += len(arg)
	}
	var total int // fix:
	fmt.Println("total:", total)
}
