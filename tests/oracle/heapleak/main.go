// heapleak retains known amounts of memory in known functions and writes heap profiles
// before and after, for gomem heapdiff's tests:
//
//	base.pb.gz / cur.pb.gz   pprof.WriteHeapProfile (gzip-compressed protobuf)
//	base.txt / cur.txt       the debug=1 legacy text form
//
// Between the two: leakA retains 10 × 1 MiB, leakB 3 × 512 KiB, leakC (through the
// inlined helper grow) 4 × 64 KiB, recur (recursive, depth 5) 5 × 32 KiB.
// With -rate 1 every allocation is sampled, so the profiles hold exact figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

var rate = flag.Int("rate", 1, "runtime.MemProfileRate")
var dir = flag.String("o", ".", "output directory")
var scale = flag.Int("n", 1, "multiply the leaks")
var text = flag.Bool("text", true, "also write the debug=1 text form")
var stacks = flag.Int("stacks", 0, "allocations through many distinct stacks before each profile (for benchmarks)")

var keep, keepMany [][]byte // preallocated: appends never allocate

//go:noinline
func baseline() {
	for i := 0; i < 2; i++ {
		keep = append(keep, make([]byte, 256<<10))
	}
}

//go:noinline
func leakA() {
	for i := 0; i < 10; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
}

//go:noinline
func leakB() {
	for i := 0; i < 3; i++ {
		keep = append(keep, make([]byte, 512<<10))
	}
}

func grow() []byte { return make([]byte, 64<<10) } // inlined into leakC

//go:noinline
func leakC() {
	for i := 0; i < 4; i++ {
		keep = append(keep, grow())
	}
}

//go:noinline
func recur(n int) {
	keep = append(keep, make([]byte, 32<<10))
	if n > 1 {
		recur(n - 1)
	}
}

// many makes up to 2^14 distinct stacks (the bits of i choose the path), for benchmarks.
//
//go:noinline
func many(depth, i int) {
	if depth > 0 {
		if i&(1<<depth) != 0 {
			manyL(depth-1, i)
		} else {
			many(depth-1, i)
		}
		return
	}
	keepMany = append(keepMany, make([]byte, 16+(i>>14)%8*16))
}

//go:noinline
func manyL(depth, i int) { many(depth, i) }

func write(name string) {
	runtime.GC()
	f, err := os.Create(filepath.Join(*dir, name+".pb.gz"))
	if err != nil {
		panic(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		panic(err)
	}
	f.Close()
	if !*text {
		return
	}
	t, err := os.Create(filepath.Join(*dir, name+".txt"))
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("heap").WriteTo(t, 1); err != nil {
		panic(err)
	}
	t.Close()
}

func main() {
	flag.Parse()
	runtime.MemProfileRate = *rate
	// No collection may start inside a leaking function: the runtime's own allocations
	// for a starting cycle (worker goroutines, ...) would be charged to it. Collections
	// happen only where write asks for them.
	debug.SetGCPercent(-1)
	runtime.GC()
	keep = make([][]byte, 0, 64+40**scale)
	keepMany = make([][]byte, 0, 2**stacks)
	baseline()
	for i := 0; i < *stacks; i++ {
		many(14, i)
	}
	write("base")
	for k := 0; k < *scale; k++ {
		leakA()
		leakB()
		leakC()
		recur(5)
	}
	for i := 0; i < *stacks; i++ {
		many(14, i*3+1)
	}
	write("cur")
	runtime.KeepAlive(keep)
	runtime.KeepAlive(keepMany)
	fmt.Println("ok")
}
