package main

import (
	"fmt"
	"time"
)

var timeout time.Duration = "5s" // fix: var timeout time.Duration = 5 * time.Second

func main() { fmt.Println(timeout) }
