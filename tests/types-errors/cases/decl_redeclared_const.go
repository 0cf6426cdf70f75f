package main

import (
	"fmt"
	"time"
)

func main() {
	const timeout = 5 * time.Second
	retries := 3
	const timeout = 10 * time.Second // fix: const backoff = 10 * time.Second
	fmt.Println(timeout, retries)
}
