package main

import "fmt"

var codes = map[string]int{
	"ok":      200,
	"missing": 404,
	"ok":      201, // fix: "created": 201,
}

func main() {
	fmt.Println(codes)
}
