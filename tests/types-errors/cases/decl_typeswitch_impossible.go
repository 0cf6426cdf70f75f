package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

func lookup(k string) error { return &NotFound{k} }

func main() {
	err := lookup("x")
	switch err.(type) {
	case NotFound: // fix: case *NotFound:
		fmt.Println("missing")
	default:
		fmt.Println(errors.Unwrap(err))
	}
}
