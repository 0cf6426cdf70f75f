package main

import "fmt"

func digits() [4]int { return [4]int{1, 2, 3, 4} }

func main() {
	s := digits()[1:] // fix: d := digits(); s := d[1:]
	fmt.Println(s)
}
