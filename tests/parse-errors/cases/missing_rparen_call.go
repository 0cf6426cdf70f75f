// ERROR-LINE 5 "unexpected newline in argument list; possibly missing comma or \)"
package p

func f() {
	g(1, 2
	h()
}
