package main

import (
	"fmt"
	"os"
)

func show(f *os.File) { fmt.Println(f.Name()) }

func main() {
	show(os.Open("/etc/hosts")) // fix: f, _ := os.Open("/etc/hosts"); show(f)
}
