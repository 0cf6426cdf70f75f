// ERROR-LINE 4 "unexpected EOF, expected \)"
package p

func f(