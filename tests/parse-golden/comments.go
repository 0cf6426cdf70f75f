//go:build linux && amd64
// +build linux,amd64

// Package p is a package.
package p // line comment

/* block */ /* two */
// after

import "unsafe" // why

//go:noinline
//go:nosplit
func f() {} // trailing
/*
multi
line */

//go:linkname g runtime.g
func g()

// Doc for T.
type T struct {
	a int // field a
	// b's doc
	b int
}

//go:embed x.txt
var s string
