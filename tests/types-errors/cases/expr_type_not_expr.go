package main

import "fmt"

type Celsius float64

func main() {
	t := Celsius(20)
	fmt.Println(t + Celsius) // fix: fmt.Println(t + Celsius(1))
}
