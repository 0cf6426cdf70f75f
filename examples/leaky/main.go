// Command leaky is gomem's bundled example: a small service with the memory problems the
// seed articles describe, and a mode that writes the runtime artifacts gomem reads.
//
//	go run . -artifacts DIR   # writes heap profiles, a goroutine dump and a GC trace into DIR
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// point escapes: its address outlives the call.
type point struct{ x, y int }

func newPoint(x, y int) *point {
	p := point{x, y} // moved to heap: p
	return &p
}

// counter escapes through the closure it returns.
func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

// cache only grows: nothing ever deletes from it.
var (
	cacheMu sync.Mutex
	cache   = map[int][]byte{}
)

func remember(key int) {
	buf := make([]byte, 64<<10)
	cacheMu.Lock()
	cache[key] = buf
	cacheMu.Unlock()
}

// header keeps a 1 MiB array alive through a 16-byte sub-slice.
var headers [][]byte

func readHeader() {
	big := make([]byte, 1<<20)
	headers = append(headers, big[:16])
}

// waitForever leaks a goroutine per call: nobody ever sends on ch.
func waitForever() {
	ch := make(chan int)
	go func() {
		v := <-ch
		fmt.Println(v)
	}()
}

// lockedForever leaks goroutines queued on a mutex that is never unlocked.
var stuck sync.Mutex

func lockedForever() {
	go func() {
		stuck.Lock()
		defer stuck.Unlock()
	}()
}

func work(round int) {
	for i := 0; i < 8; i++ {
		remember(round*8 + i)
	}
	readHeader()
	waitForever()
	lockedForever()
}

func writeHeap(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		log.Fatal(err)
	}
}

func writeGoroutines(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	pprof.Lookup("goroutine").WriteTo(f, 2)
}

func main() {
	dir := flag.String("artifacts", "", "write heap profiles, a goroutine dump and a GC trace into `dir`")
	rounds := flag.Int("rounds", 40, "rounds of leaky work")
	flag.Parse()
	if *dir == "" {
		fmt.Println(newPoint(1, 2).x, counter()())
		return
	}
	if os.Getenv("LEAKY_CHILD") == "" {
		// Re-run ourselves with the GC trace on, capturing it into DIR/gctrace.log.
		exe, _ := os.Executable()
		logf, err := os.Create(filepath.Join(*dir, "gctrace.log"))
		if err != nil {
			log.Fatal(err)
		}
		cmd := exec.Command(exe, os.Args[1:]...)
		cmd.Env = append(os.Environ(), "LEAKY_CHILD=1", "GODEBUG=gctrace=1")
		cmd.Stdout, cmd.Stderr = os.Stdout, logf
		if err := cmd.Run(); err != nil {
			log.Fatal(err)
		}
		return
	}
	runtime.MemProfileRate = 1
	stuck.Lock()
	writeHeap(filepath.Join(*dir, "heap-base.pb.gz"))
	for r := 0; r < *rounds; r++ {
		work(r)
		runtime.GC()
		time.Sleep(250 * time.Millisecond)
	}
	writeHeap(filepath.Join(*dir, "heap-cur.pb.gz"))
	writeGoroutines(filepath.Join(*dir, "goroutines.txt"))
	fmt.Println("artifacts written to", *dir)
}
