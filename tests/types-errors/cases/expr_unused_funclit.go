package main

import "fmt"

func main() {
	func() { // fix: func() {
		fmt.Println("hi")
	} // fix: }()
}
