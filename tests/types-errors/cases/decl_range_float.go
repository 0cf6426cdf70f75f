package main

import "fmt"

func main() {
	total := 10.0
	for i := range total { // fix: for i := range int(total) {
		fmt.Println(i)
	}
}
