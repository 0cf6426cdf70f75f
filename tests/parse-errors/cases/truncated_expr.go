// ERROR-LINE 5 "unexpected EOF, expected expression"
package p

func f() int {
	return 1 +