// leakserver serves net/http/pprof on 127.0.0.1 (a free port, printed on stdout) and
// leaks in known amounts, for gomem watch's tests. Every request for
// /debug/pprof/goroutine, once answered, makes leakTick retain 64 KiB more and starts one
// goroutine that blocks forever, so a watcher that fetches heap then goroutines in each
// sample sees exactly (samples-1) × 64 KiB of growth in main.leakTick and (samples-1)
// more goroutines. churn allocates and drops memory all the time (it must not be
// reported as growing). Broken endpoints for the error cases:
//
//	/stable/debug/pprof/...   the same profiles, with no leak
//	/err/debug/pprof/...      HTTP 500
//	/garbage/debug/pprof/...  200 with a body that is not a profile
//	/slow/debug/pprof/...     answers after 30 s
package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	kept   = make([][]byte, 0, 1<<16) // preallocated: appends never allocate
	block  = make(chan struct{})
	sink   []byte
	ticked int
)

//go:noinline
func leakTick() {
	mu.Lock()
	kept = append(kept, make([]byte, 64<<10))
	ticked++
	mu.Unlock()
}

//go:noinline
func spawnBlocked() {
	go func() { <-block }()
}

//go:noinline
func churn() {
	for {
		sink = make([]byte, 8<<10)
		time.Sleep(5 * time.Millisecond)
	}
}

func main() {
	runtime.MemProfileRate = 1
	go churn()
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/goroutine", func(w http.ResponseWriter, r *http.Request) {
		pprof.Handler("goroutine").ServeHTTP(w, r)
		leakTick()
		spawnBlocked()
	})
	mux.Handle("/stable/debug/pprof/heap", pprof.Handler("heap"))
	mux.Handle("/stable/debug/pprof/goroutine", pprof.Handler("goroutine"))
	mux.HandleFunc("/err/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "internal error", http.StatusInternalServerError)
	})
	mux.HandleFunc("/garbage/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body>hello, this is not a profile</body></html>\n"))
	})
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(30 * time.Second)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().String())
	os.Stdout.Sync()
	// Exit when the test closes our stdin (or after two minutes at most).
	go func() {
		buf := make([]byte, 1)
		os.Stdin.Read(buf)
		os.Exit(0)
	}()
	go func() { time.Sleep(2 * time.Minute); os.Exit(0) }()
	http.Serve(ln, mux)
}
