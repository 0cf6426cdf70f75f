// ERROR-LINE 5 "unexpected EOF, expected keyword chan"
package p

var c chan<- <-
