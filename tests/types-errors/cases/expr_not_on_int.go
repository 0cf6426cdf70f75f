package main

import "fmt"

func main() {
	flags := 3
	if !flags { // fix: if flags == 0 {
		fmt.Println("no flags")
	}
}
