package main

import "fmt"

type Config struct{ Name string }

func defaults() Config { return Config{Name: "x"} }

func main() {
	p := &defaults() // fix: c := defaults(); p := &c
	fmt.Println(p.Name)
}
