package main

import "fmt"

func label(name string, n int) string {
	return name + n // fix: return name + fmt.Sprint(n)
}

func main() {
	fmt.Println(label("item", 3))
}
