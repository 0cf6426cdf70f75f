package main

import (
	"fmt"
	"strings"
)

func main() {
	r := strings.Reader{s: "abc"} // fix: r := strings.NewReader("abc")
	fmt.Println(r)
}
