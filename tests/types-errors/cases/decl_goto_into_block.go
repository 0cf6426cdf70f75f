package main

import "fmt"

func main() {
	n := 3
	goto inside // fix: goto after
	for i := 0; i < n; i++ {
	inside: // fix:
		fmt.Println(i)
	}
after:
	fmt.Println("end")
}
