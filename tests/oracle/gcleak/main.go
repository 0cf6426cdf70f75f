// Oracle for `gomem gctrace`: run under GODEBUG=gctrace=1, it churns garbage (so the GC runs
// often) while retaining memory at a known rate:
//
//	gcleak -rate 5 -secs 4     retains 5 MiB more every second (a leak of 300 MiB/min)
//	gcleak -rate 0 -secs 4     retains a fixed 16 MiB set: the live heap is steady
//
// Retention is topped up to rate*elapsed on every step, so the rate does not depend on
// scheduling jitter. It also prints lines of its own to stderr, as a real program would.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

const block = 64 << 10 // 64 KiB: a large object, allocated without size-class rounding

var (
	base [][]byte // retained from the start, so the steady heap is not empty
	kept [][]byte
	sink []byte
)

func main() {
	rate := flag.Float64("rate", 5, "MiB retained per second")
	secs := flag.Float64("secs", 4, "run time in seconds")
	flag.Parse()
	base = make([][]byte, 0, 256)
	for i := 0; i < 256; i++ { // 16 MiB retained from the start
		base = append(base, make([]byte, block))
	}
	start := time.Now()
	step := 0
	for {
		el := time.Since(start).Seconds()
		if el >= *secs {
			break
		}
		want := int(el * *rate * (1 << 20) / block)
		for len(kept) < want {
			b := make([]byte, block)
			b[0] = 1
			kept = append(kept, b)
		}
		// garbage: 256 KiB per step
		for i := 0; i < 4; i++ {
			sink = make([]byte, block)
		}
		step++
		if step%2000 == 0 {
			fmt.Fprintf(os.Stderr, "app: step %d, kept %d blocks\n", step, len(kept))
		}
		time.Sleep(20 * time.Microsecond)
	}
	fmt.Fprintf(os.Stderr, "app: done, kept %d MiB + %d base blocks\n", len(kept)*block>>20, len(base))
}
