package main

import "fmt"

type User struct {
	Name  string
	Email string
}

func (u User) Email() string { return u.Name + "@example.com" } // fix: func (u User) DefaultEmail() string { return u.Name + "@example.com" }

func main() {
	u := User{Name: "ann"}
	fmt.Println(u.Name)
}
