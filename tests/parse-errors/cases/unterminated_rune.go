// ERROR-LINE 4 "newline in rune literal"
package p

var r = 'a
var t = 1
