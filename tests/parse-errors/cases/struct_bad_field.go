// ERROR-LINE 5 "unexpected newline, expected type"
package p

type S struct {
	a, b
}
