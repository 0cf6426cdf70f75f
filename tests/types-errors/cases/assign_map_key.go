package main

import "fmt"

func main() {
	ages := map[string]int{"ann": 31, "bob": 42}
	ids := []int{1, 2}
	for _, id := range ids {
		fmt.Println(ages[id]) // fix: fmt.Println(ages[fmt.Sprint(id)])
	}
}
