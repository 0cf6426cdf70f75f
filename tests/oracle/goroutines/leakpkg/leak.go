// Package leakpkg parks goroutines in known functions so that a goroutine dump has
// known buckets: the counts below are what gomem goroutines must report.
package leakpkg

import (
	"sync"
	"time"
)

var (
	recvCh = make(chan int)
	sendCh = make(chan int)
	mu     sync.Mutex
	wg     sync.WaitGroup
	cmu    sync.Mutex
	cond   = sync.NewCond(&cmu)
)

//go:noinline
func leakRecv() { <-recvCh }

//go:noinline
func leakSend(v int) { sendCh <- v }

//go:noinline
func leakSelect(a, b chan int) {
	select {
	case <-a:
	case <-b:
	}
}

//go:noinline
func leakMutex() {
	mu.Lock()
	mu.Unlock()
}

//go:noinline
func leakWait() { wg.Wait() }

//go:noinline
func leakCond() {
	cmu.Lock()
	cond.Wait()
	cmu.Unlock()
}

//go:noinline
func sleeper() { time.Sleep(time.Hour) }

// Start parks the goroutines and returns once they are all blocked.
func Start() {
	for i := 0; i < 137; i++ {
		go leakRecv()
	}
	for i := 0; i < 7; i++ {
		go leakSend(i)
	}
	for i := 0; i < 42; i++ {
		go leakSelect(make(chan int), make(chan int))
	}
	mu.Lock() // held forever: the 5 below block on it
	for i := 0; i < 5; i++ {
		go leakMutex()
	}
	wg.Add(1) // never Done
	for i := 0; i < 3; i++ {
		go leakWait()
	}
	for i := 0; i < 2; i++ {
		go leakCond()
	}
	go sleeper()
}
