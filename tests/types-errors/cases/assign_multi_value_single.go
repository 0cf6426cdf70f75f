package main

import (
	"fmt"
	"os"
)

func main() {
	var f *os.File = os.Open("/etc/hostname") // fix: f, _ := os.Open("/etc/hostname")
	fmt.Println(f)
}
