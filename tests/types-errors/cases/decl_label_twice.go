package main

import "fmt"

func main() {
	rows := [][]int{{1, 2}, {3}}
scan:
	for _, r := range rows {
		for _, v := range r {
			if v == 2 {
				continue scan
			}
		}
	}
scan: // fix: report:
	for i := range 2 {
		if i == 1 {
			break scan // fix: break report
		}
		fmt.Println(i)
	}
}
