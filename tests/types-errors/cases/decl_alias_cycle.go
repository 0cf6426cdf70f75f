package main

import "fmt"

type (
	Payload = Message // fix: Payload = map[string]any
	Message = Payload
)

func main() {
	var p Payload
	fmt.Println(len(p))
}
