package main

import "strings"

func main() {
	_ = strings.Contain("abc", "b") // fix: _ = strings.Contains("abc", "b")
}
