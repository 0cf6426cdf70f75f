package main

import "fmt"

func main() {
	data := map[string][]int{"a": {1, -1}, "b": {2}}
next:
	switch len(data) {
	case 2:
		for k, vs := range data {
			for _, v := range vs {
				if v < 0 {
					continue next // fix: break next
				}
			}
			fmt.Println(k)
		}
	}
}
