package main

import "fmt"

type stat struct{ hits int }

func main() {
	stats := map[string]stat{}
	for _, p := range []string{"/", "/a", "/"} {
		stats[p].hits++ // fix: s := stats[p]; s.hits++; stats[p] = s
	}
	fmt.Println(stats)
}
