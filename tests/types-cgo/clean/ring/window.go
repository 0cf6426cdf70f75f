package ring

/*
#include <stdint.h>
#include <stdlib.h>
#include "ring.h"

static int64_t window_sum(const int64_t *v, int n) {
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}
*/
import "C"

import (
	"fmt"
	"sort"
	"unsafe"
)

// Go names for the C types the window code passes around.
type (
	cInt   = C.int
	cSize  = C.size_t
	cI64   = C.int64_t
	cState = C.enum_ring_state
)

// Window is a Go-owned copy of C samples (a type defined from a C struct).
type Window C.sample

// Slot numbers slots of a ring (a type defined from a C integer type).
type Slot C.size_t

func (s Slot) Next(cap Slot) Slot { return (s + 1) % cap }

func (w *Window) Scale(f float64) {
	w.value = C.double(float64(w.value) * f)
	w.when++
}

func (w Window) String() string {
	return fmt.Sprintf("%d=%g", int64(w.when), float64(w.value))
}

// Sums adds up windows of n values in C, and shows what Go code does with C values.
func Sums(vals []int64, n int) ([]int64, error) {
	if n <= 0 || n > len(vals) {
		return nil, fmt.Errorf("window %d of %d values", n, len(vals))
	}
	k := cInt(n)
	out := make([]int64, 0, len(vals)-n+1)
	for i := 0; i+n <= len(vals); i++ {
		s := C.window_sum((*cI64)(unsafe.Pointer(&vals[i])), k)
		out = append(out, int64(s))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// Describe exercises the C-typed values in ordinary Go expressions and statements.
func Describe(g *Ring) []string {
	var lines []string
	n := cSize(g.Len())
	half := n / 2
	if n > 0 && half <= n && n != half+half+1 {
		lines = append(lines, fmt.Sprint("even ", uint64(n)))
	}
	st := cState(g.r.state)
	switch st {
	case C.RING_EMPTY:
		lines = append(lines, "empty")
	case C.RING_FULL, C.RING_PARTIAL:
		lines = append(lines, "samples")
	}
	slots := [4]Slot{0, 1, 2, 3}
	for i, s := range slots[1:] {
		lines = append(lines, fmt.Sprint(i, s.Next(Slot(g.cap))))
	}
	seen := map[cInt]bool{1: true}
	seen[cInt(len(lines))] = true
	ch := make(chan cI64, 1)
	ch <- cI64(-1)
	got := <-ch
	var any interface{} = got
	if v, ok := any.(cI64); ok && v < 0 && -v == 1 && ^v == 0 {
		lines = append(lines, "chan")
	}
	w := Window{when: 1, value: 2}
	w.Scale(1.5)
	p := &w
	p.when += cI64(len(seen))
	lines = append(lines, w.String(), fmt.Sprint(unsafe.Sizeof(w), uint(k2(3))<<1))
	return lines
}

func k2(x cInt) cInt { return x * 2 }

// Fill stores values through C-typed results and returns them, two of them with errno.
func Fill(g *Ring, vals []float64) (cInt, error) {
	var last cInt = -1
	var buf [C.RING_MAX / 1024]cI64
	var names [MaxCap / 1024]string
	for i, v := range vals {
		tag := C.CString(fmt.Sprint(i))
		n, err := C.ring_push(g.r, C.int64_t(i), C.double(v), tag)
		C.free(unsafe.Pointer(tag))
		if err != nil && n < 0 {
			return n, err
		}
		last = n
		buf[i%len(buf)] = cI64(n)
		names[i%len(names)] = fmt.Sprint(n)
	}
	var r1, r2 cInt = last, k2(last)
	empty := C.CString("")
	defer C.free(unsafe.Pointer(empty))
	a, b := C.ring_push(g.r, 0, 0, empty), cSize(len(buf))
	_, err := C.ring_push(g.r, 1, 1, empty)
	if b > 0 && r1 <= r2 && a >= 0 {
		return k2(r1) + r2, err
	}
	return C.int(len(names)), nil
}
