package main

import "fmt"

type User struct {
	Name string
	Age  int
}

func main() {
	u := User{Name: "ann", Age: 31}
	var label string = u // fix: var label string = u.Name
	fmt.Println(label)
}
