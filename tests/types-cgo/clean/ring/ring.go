// Package ring keeps the last samples of a metric in a C ring buffer.
package ring

/*
#cgo CFLAGS: -O2
#include <stdlib.h>
#include <string.h>
#include "ring.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime/cgo"
	"strings"
	"time"
	"unsafe"
)

// Sample is one measurement, copied out of C memory.
type Sample struct {
	When  time.Time
	Value float64
	Tag   string
}

// Ring owns a C ring and the C string of its name.
type Ring struct {
	r     *C.ring
	cname *C.char
	cap   int
}

var ErrClosed = errors.New("ring: closed")

const MaxCap = C.RING_MAX

// New allocates a ring of capacity n in C memory.
func New(name string, n int) (*Ring, error) {
	cname := C.CString(name)
	r, err := C.ring_new(C.size_t(n), cname)
	if r == nil {
		C.free(unsafe.Pointer(cname))
		return nil, fmt.Errorf("ring_new(%d): %w", n, err)
	}
	return &Ring{r: r, cname: cname, cap: n}, nil
}

// Close frees the C memory; the ring is unusable afterwards.
func (g *Ring) Close() {
	if g.r == nil {
		return
	}
	C.ring_free(g.r)
	C.free(unsafe.Pointer(g.cname))
	g.r, g.cname = nil, nil
}

// Push appends a sample, overwriting the oldest when full; it returns the new length.
func (g *Ring) Push(s Sample) (int, error) {
	if g.r == nil {
		return 0, ErrClosed
	}
	tag := C.CString(strings.TrimSpace(s.Tag))
	defer C.free(unsafe.Pointer(tag))
	n := C.ring_push(g.r, C.int64_t(s.When.UnixNano()), C.double(s.Value), tag)
	return int(n), nil
}

// Len is the number of samples held.
func (g *Ring) Len() int { return int(g.r.len) }

// Full reports whether the ring has wrapped.
func (g *Ring) Full() bool { return g.r.state == C.RING_FULL }

// Name is the ring's name, read back from C.
func (g *Ring) Name() string { return C.GoString(g.r.name) }

// Raw views the C buffer as a Go slice (no copy).
func (g *Ring) Raw() []C.sample {
	return unsafe.Slice(g.r.buf, int(g.r.cap))
}

func fromC(s *C.sample) Sample {
	tag := C.GoStringN(&s.tag[0], C.int(C.strnlen(&s.tag[0], 16)))
	return Sample{When: time.Unix(0, int64(s.when)), Value: float64(s.value), Tag: tag}
}

// Each calls f on every sample, oldest first, until f returns false (C calls back into Go).
func (g *Ring) Each(f func(Sample) bool) int {
	h := cgo.NewHandle(f)
	defer h.Delete()
	return int(C.ring_visit_go(g.r, C.uintptr_t(h)))
}

//export goVisit
func goVisit(handle C.uintptr_t, s *C.sample) C.int {
	f := cgo.Handle(handle).Value().(func(Sample) bool)
	if f(fromC(s)) {
		return 1
	}
	return 0
}

// Snapshot copies every sample out of C memory.
func (g *Ring) Snapshot() []Sample {
	out := make([]Sample, 0, g.Len())
	for i := range g.Raw()[:g.Len()] {
		idx := (int(g.r.head) + i) % g.cap
		out = append(out, fromC(&g.Raw()[idx]))
	}
	return out
}

// Label is the ring's default name as C defines it.
func Label() string { return C.RING_NAME + "/" + fmt.Sprint(C.RING_PARTIAL) }

// Blob copies Go bytes into C memory and back, as a round trip check.
func Blob(b []byte) []byte {
	p := C.CBytes(b)
	defer C.free(p)
	return C.GoBytes(p, C.int(len(b)))
}

// Grow allocates a C array with C.malloc (it never returns nil: cgo panics instead).
func Grow(n int) (unsafe.Pointer, func()) {
	p := C.malloc(C.size_t(n) * C.size_t(unsafe.Sizeof(C.sample{})))
	arr := (*[1 << 20]C.sample)(p)[:n:n]
	for i := range arr {
		arr[i] = C.sample{when: C.int64_t(i), value: 0}
	}
	return p, func() { C.free(p) }
}
