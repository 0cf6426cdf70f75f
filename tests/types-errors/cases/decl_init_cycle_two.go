package main

import "fmt"

var (
	handlers = map[string]func() string{
		"help": helpText,
	}
	usage = "commands: " + fmt.Sprint(len(handlers))
)

func helpText() string {
	return usage // fix: return "help"
}

func main() {
	fmt.Println(handlers["help"]())
}
