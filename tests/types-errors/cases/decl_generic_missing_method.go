package main

import (
	"fmt"
	"strings"
)

type Named interface {
	Name() string
}

type Dog struct{ name string }

func (d Dog) Name() string { return d.name }

type Cat struct{ nick string }

func Names[T Named](xs []T) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, x.Name())
	}
	return strings.Join(parts, ",")
}

func main() {
	fmt.Println(Names([]Dog{{"rex"}}))
	fmt.Println(Names([]Cat{{"tom"}})) // fix: fmt.Println(len([]Cat{{"tom"}}))
}
