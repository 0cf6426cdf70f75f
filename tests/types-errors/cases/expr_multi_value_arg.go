package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("open:", os.Open("x")) // fix: fmt.Println(os.Open("x"))
}
