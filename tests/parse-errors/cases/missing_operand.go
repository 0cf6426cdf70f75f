// ERROR-LINE 5 "unexpected EOF, expected expression"
package p

var x = *
