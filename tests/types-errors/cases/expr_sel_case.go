package main

import "fmt"

type User struct {
	Name  string
	Email string
}

func main() {
	u := User{Name: "ann"}
	fmt.Println(u.name) // fix: fmt.Println(u.Name)
}
