package main

import "fmt"

type Temp float64

type celsius struct{ v Temp }

func (c *celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c.v)) }

func main() {
	c := celsius{v: 21.5}
	var s fmt.Stringer = c // fix: var s fmt.Stringer = &c
	fmt.Println(s.String())
}
