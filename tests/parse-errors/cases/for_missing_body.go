// ERROR-LINE 5 "unexpected newline, expected { after for clause"
package p

func f() {
	for i := 0; i < 10; i++
}
