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
func leakRecv() { <-recvCh } // BLOCK leakRecv

//go:noinline
func leakSend(v int) { sendCh <- v } // BLOCK leakSend

//go:noinline
func leakSelect(a, b chan int) {
	select { // BLOCK leakSelect
	case <-a:
	case <-b:
	}
}

//go:noinline
func leakMutex() {
	mu.Lock() // BLOCK leakMutex
	mu.Unlock()
}

//go:noinline
func leakWait() { wg.Wait() } // BLOCK leakWait

//go:noinline
func leakCond() {
	cmu.Lock()
	cond.Wait() // BLOCK leakCond
	cmu.Unlock()
}

//go:noinline
func sleeper() { time.Sleep(time.Hour) } // BLOCK sleeper

// Start parks the goroutines and returns once they are all blocked.
func Start() {
	for i := 0; i < 137; i++ {
		go leakRecv() // GO leakRecv
	}
	for i := 0; i < 7; i++ {
		go leakSend(i) // GO leakSend
	}
	for i := 0; i < 42; i++ {
		go leakSelect(make(chan int), make(chan int)) // GO leakSelect
	}
	mu.Lock() // held forever: the 5 below block on it
	for i := 0; i < 5; i++ {
		go leakMutex() // GO leakMutex
	}
	wg.Add(1) // never Done
	for i := 0; i < 3; i++ {
		go leakWait() // GO leakWait
	}
	for i := 0; i < 2; i++ {
		go leakCond() // GO leakCond
	}
	go sleeper() // GO sleeper
}
