package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 5 {
		goto done // fix: fmt.Println("many")
	}
	count := len(os.Args)
	fmt.Println(count)
done: // fix:
	fmt.Println("bye")
}
