package main

import "fmt"

type Config struct {
	Name string
	Tags []string
}

func main() {
	a := Config{Name: "a"}
	b := Config{Name: "a"}
	fmt.Println(a == b) // fix: fmt.Println(a.Name == b.Name)
}
