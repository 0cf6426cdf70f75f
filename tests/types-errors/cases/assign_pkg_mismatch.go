package main

import (
	"fmt"
	"os"
)

var cwd, home, err = os.Getwd() // fix: var cwd, err = os.Getwd()

func main() { fmt.Println(cwd, err) }
