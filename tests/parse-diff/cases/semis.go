package p

import ()

func f() {
	x := 1; y := 2;
	if x > 0 { return };
	for { break; };
	{ };
	switch { case true: ; default: };
	_ = []int{1,
		2,
	}
	_ = f(
		x,
		y,
	)
	_, _ = x, y
	goto L; L: ;
}

func g() { }
func h() { return }
func i() int { return 1 + 2 }
var a, b = 1,
	2
const (
	c0 = iota
	c1
	c2, c3 = iota, iota * 2
)
var ()
type ()
const ()
