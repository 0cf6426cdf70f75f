package main

import "fmt"

type Pair struct{ A, B string }

func main() {
	p := Pair{"a", "b", "c"} // fix: p := Pair{"a", "b"}
	fmt.Println(p)
}
