package main

import (
	"fmt"
	"path"
)

var path = "/tmp/data" // fix: var dataDir = "/tmp/data"

func main() {
	fmt.Println(path.Base("/a/b"))
}
