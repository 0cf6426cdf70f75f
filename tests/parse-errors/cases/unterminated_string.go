// ERROR-LINE 4 "newline in string"
package p

var s = "abc
var t = 1
