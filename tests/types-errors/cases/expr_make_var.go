package main

import "fmt"

func main() {
	names := []string{"a"}
	copyOf := make(names, len(names)) // fix: copyOf := make([]string, len(names))
	copy(copyOf, names)
	fmt.Println(copyOf)
}
