// Command ringstat pushes a few samples through a C ring and prints their statistics.
package main

/*
#include <unistd.h>
static long page_size(void) { return sysconf(_SC_PAGESIZE); }
*/
import "C"

import (
	"fmt"
	"log"
	"os"
	"time"

	"cgoclean/ring"
)

func main() {
	r, err := ring.New("latency", 8)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	start := time.Now()
	for i := 0; i < 12; i++ {
		if _, err := r.Push(ring.Sample{When: start.Add(time.Duration(i) * time.Millisecond), Value: float64(i * i), Tag: " req "}); err != nil {
			log.Fatal(err)
		}
	}
	seen := 0
	r.Each(func(s ring.Sample) bool {
		seen++
		return s.Value < 100
	})
	st := ring.Summarize(r.Snapshot())
	pg := int64(C.page_size())
	fmt.Fprintf(os.Stdout, "%s %s: %d samples (full %v), seen %d, min %.0f max %.0f p50 %.0f, page %d, blob %q\n",
		ring.Label(), r.Name(), st.N, r.Full(), seen, st.Min, st.Max, st.P50, pg, ring.Blob([]byte("ok")))
	sums, err := ring.Sums([]int64{1, 2, 3, 4, 5}, 2)
	if err != nil {
		log.Fatal(err)
	}
	last, err := ring.Fill(r, []float64{1.5, 2.5})
	fmt.Println(sums, ring.Describe(r), int(last), err)
	p, free := ring.Grow(4)
	defer free()
	_ = p
}
