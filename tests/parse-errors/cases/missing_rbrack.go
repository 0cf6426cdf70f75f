// ERROR-LINE 5 "unexpected newline, expected comma, : or \]"
package p

var a = []int{1, 2}
var b = a[1
