// ERROR-LINE 4 "unexpected newline, expected type"
package p

var m map[string]
