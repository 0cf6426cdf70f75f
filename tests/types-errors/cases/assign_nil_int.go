package main

import "fmt"

type Config struct {
	Port    int
	Verbose bool
}

func main() {
	cfg := Config{Port: nil} // fix: cfg := Config{Port: 8080}
	fmt.Println(cfg)
}
