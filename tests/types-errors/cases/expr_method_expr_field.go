package main

import "fmt"

type Temp struct{ Celsius float64 }

func (t Temp) F() float64 { return t.Celsius*9/5 + 32 }

func main() {
	f := Temp.Celsius // fix: f := Temp.F
	fmt.Println(f)
}
