package main

import "fmt"

func main() {
	f := 2.7
	int(f) // fix: fmt.Println(int(f))
}
