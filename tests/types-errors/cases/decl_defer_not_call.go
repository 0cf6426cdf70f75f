package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Open("/etc/hostname")
	if err != nil {
		return
	}
	defer f.Close // fix: defer f.Close()
	fmt.Println(f.Name())
}
