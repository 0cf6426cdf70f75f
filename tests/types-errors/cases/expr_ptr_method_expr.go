package main

import "fmt"

type Buf struct{ n int }

func (b *Buf) Reset() { b.n = 0 }

func main() {
	reset := Buf.Reset // fix: reset := (*Buf).Reset
	fmt.Println(reset != nil)
}
