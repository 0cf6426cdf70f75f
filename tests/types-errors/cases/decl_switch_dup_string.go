package main

import (
	"fmt"
	"os"
)

func main() {
	mode := "dev"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "dev", "test":
		fmt.Println("debug on")
	case "prod", "dev": // fix: case "prod", "staging":
		fmt.Println("debug off")
	}
}
