package main

import "fmt"

type Server struct {
	Host    string
	Port    int
	Timeout int
	Port    string // fix: Proto   string
}

func main() {
	s := Server{Host: "localhost", Timeout: 5}
	fmt.Println(s.Host, s.Timeout)
}
