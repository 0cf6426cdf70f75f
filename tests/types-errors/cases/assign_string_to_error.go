package main

import (
	"errors"
	"fmt"
)

func find(xs []int, v int) (int, error) {
	for i, x := range xs {
		if x == v {
			return i, nil
		}
	}
	var err error = "not found" // fix: var err error = errors.New("not found")
	return -1, err
}

var _ = errors.New

func main() { fmt.Println(find([]int{1, 2, 3}, 4)) }
