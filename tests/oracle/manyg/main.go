// manyg parks n goroutines (by default a million) in a few blocking functions and then
// panics, so that the runtime prints all of them (run with GOTRACEBACK=all, stderr to a file):
// a real debug=2-format dump far larger than runtime/pprof's 64 MB debug=2 buffer allows.
package main

import (
	"flag"
	"runtime"
	"sync"
	"time"
)

var (
	ch   = make(chan int)
	mu   sync.Mutex
	wg   sync.WaitGroup
	done = make(chan struct{})
)

//go:noinline
func recvLeak() { <-ch }

//go:noinline
func selectLeak(c chan int) {
	select {
	case <-c:
	case <-done:
	}
}

//go:noinline
func lockLeak() { mu.Lock() }

//go:noinline
func waitLeak() { wg.Wait() }

func main() {
	n := flag.Int("n", 1000000, "goroutines to park")
	flag.Parse()
	mu.Lock()
	wg.Add(1)
	for i := 0; i < *n; i++ {
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5:
			go recvLeak()
		case 6, 7:
			go selectLeak(make(chan int))
		case 8:
			go lockLeak()
		default:
			go waitLeak()
		}
	}
	for runtime.NumGoroutine() < *n {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	panic("manyg: all parked")
}
