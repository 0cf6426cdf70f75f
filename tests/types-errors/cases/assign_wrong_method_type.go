package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int) int  { s[i], s[j] = s[j], s[i]; return 0 } // fix: func (s byLen) Swap(i, j int) { s[i], s[j] = s[j], s[i] }

func main() {
	words := byLen{"banana", "kiwi", "apple"}
	var data sort.Interface = words
	sort.Sort(data)
	fmt.Println(words)
}
