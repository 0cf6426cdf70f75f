package main

import "fmt"

func main() {
	src := []int{1, 2, 3}
	dst := make([]int64, len(src))
	copy(dst, src) // fix: for i, v := range src { dst[i] = int64(v) }
	fmt.Println(dst)
}
