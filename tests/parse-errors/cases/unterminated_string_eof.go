// ERROR-LINE 4 "string not terminated|newline in string"
package p

var s = "abc