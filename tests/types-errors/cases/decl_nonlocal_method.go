package main

import (
	"fmt"
	"time"
)

func (d time.Duration) Minutes2() float64 { // fix: func minutes2(d time.Duration) float64 {
	return d.Minutes() * 2
}

func main() {
	fmt.Println(time.Second)
}
