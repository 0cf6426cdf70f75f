package main

import (
	"fmt"
	"os"
)

func main() int { // fix: func main() {
	fmt.Fprintln(os.Stderr, "starting")
	return 0 // fix:
}
