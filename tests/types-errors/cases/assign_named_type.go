package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func toF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func main() {
	var boiling Celsius = 100
	var f Fahrenheit
	f = boiling // fix: f = toF(boiling)
	fmt.Println(f, toF(boiling))
}
