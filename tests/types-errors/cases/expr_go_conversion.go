package main

import (
	"fmt"
	"time"
)

type Job func()

func main() {
	work := func() { fmt.Println("work") }
	go Job(work) // fix: go Job(work)()
	time.Sleep(time.Millisecond)
}
