package main

import "fmt"

type Config struct{ Debug bool }

func main() {
	Config // fix: _ = Config{}
	fmt.Println("x")
}
