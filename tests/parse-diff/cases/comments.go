// Copyright notice.

//go:build linux || darwin

// Package p has comments everywhere.
package p /* after the name */

// Group one, line one.
// Group one, line two.

// Group two.
/* block in group two */ /* another */

import "fmt" // trailing

/*
Multi-line
block.
*/
var x = 1 /* inline */ + 2 // end

//go:noinline
func f() {
	// inside
	x := 1 // after
	_ = x
	/* before brace */ }

//line other.go:100
var y = 2

//line :5:10
var z = 3

/*line third.go:1:1*/ var w = 4

type T struct {
	// field doc
	a int // field comment
	b int /* block field comment */
}

func g() {
}
// final comment
