// ERROR-LINE 6 "unexpected newline, expected { after if clause"
package p

func f(x bool) {
	if x
		println()
	}
}
