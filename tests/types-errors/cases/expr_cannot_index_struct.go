package main

import "fmt"

type Row struct{ Cols []string }

func main() {
	r := Row{Cols: []string{"a"}}
	fmt.Println(r[0]) // fix: fmt.Println(r.Cols[0])
}
