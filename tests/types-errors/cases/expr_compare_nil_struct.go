package main

import "fmt"

type Result struct{ Code int }

func get() Result { return Result{} }

func main() {
	r := get()
	if r == nil { // fix: if r.Code == 0 {
		fmt.Println("empty")
	}
}
