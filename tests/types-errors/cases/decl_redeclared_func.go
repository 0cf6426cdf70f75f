package main

import (
	"fmt"
	"strings"
)

func normalize(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

func normalize(s string) string { // fix: func normalizeKey(s string) string {
	return strings.ReplaceAll(s, " ", "_")
}

func main() {
	fmt.Println(normalize("  Hello World "))
}
