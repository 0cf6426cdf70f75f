package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	work := func() { defer wg.Done(); fmt.Println("work") }
	wg.Add(1)
	go work // fix: go work()
	wg.Wait()
}
