// ERROR-LINE 7 "unexpected EOF, expected }"
package p

func f() {
	x := 1
	_ = x
