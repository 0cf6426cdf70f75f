package main

import "fmt"

const (
	KB, MB, GB = 1 << 10, 1 << 20 // fix: KB, MB, GB = 1 << 10, 1 << 20, 1 << 30
)

func main() {
	fmt.Println(KB, MB, GB)
}
