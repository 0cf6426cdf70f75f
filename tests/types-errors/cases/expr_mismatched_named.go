package main

import (
	"fmt"
	"time"
)

func main() {
	timeout := 5
	deadline := time.Second * timeout // fix: deadline := time.Second * time.Duration(timeout)
	fmt.Println(deadline)
}
