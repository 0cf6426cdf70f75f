// ERROR-LINE 6 "unexpected newline in composite literal; possibly missing comma or }"
package p

var a = []int{
	1,
	2
}
