package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Open("x")
	if err != nil {
		return
	}
	close(f) // fix: f.Close()
	fmt.Println("done")
}
