package main

import "fmt"

func perSecond(count, seconds int) int {
	if seconds == 0 {
		return count / 0 // fix: return 0
	}
	return count / seconds
}

func main() { fmt.Println(perSecond(10, 2)) }
