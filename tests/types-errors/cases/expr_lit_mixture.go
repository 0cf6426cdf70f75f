package main

import "fmt"

type Rect struct{ W, H int }

func main() {
	r := Rect{W: 3, 4} // fix: r := Rect{W: 3, H: 4}
	fmt.Println(r)
}
