package main

import "fmt"

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const huge = GB << 600 // fix: const huge = GB << 20

func main() { fmt.Println(KB, MB, GB, huge/GB) }
