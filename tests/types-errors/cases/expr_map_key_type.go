package main

import "fmt"

func main() {
	ages := map[string]int{"bob": 31}
	id := 7
	fmt.Println(ages[id]) // fix: fmt.Println(ages["bob"], id)
}
