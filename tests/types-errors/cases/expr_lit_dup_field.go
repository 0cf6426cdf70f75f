package main

import "fmt"

type Opts struct {
	Verbose bool
	Level   int
}

func main() {
	o := Opts{Verbose: true, Level: 1, Verbose: false} // fix: o := Opts{Verbose: false, Level: 1}
	fmt.Println(o)
}
