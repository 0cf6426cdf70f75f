package main

import "fmt"

func logf(format string, args ...any) {
	fmt.Printf(format, args...)
}

func main() {
	fmt.Println(logf("x")) // fix: logf("x")
}
