package main

import "fmt"

type Employee struct {
	Name    string
	Manager Department // fix: Manager *Department
}

type Department struct {
	Title string
	Head  Employee
}

func main() {
	var d Department
	fmt.Println(d.Title)
}
