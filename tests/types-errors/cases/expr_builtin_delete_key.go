package main

import "fmt"

func main() {
	ages := map[string]int{"bob": 30}
	delete(ages, 30) // fix: delete(ages, "bob")
	fmt.Println(ages)
}
