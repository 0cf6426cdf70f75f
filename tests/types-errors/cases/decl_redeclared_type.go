package main

import "fmt"

type Config struct {
	Name string
	Port int
}

type Config map[string]string // fix: type Settings map[string]string

func main() {
	c := Config{Name: "api", Port: 8080}
	fmt.Printf("%+v\n", c)
}
