// ERROR-LINE 6 "unexpected newline, expected :"
package p

func f(x int) {
	switch x {
	case 1
		println()
	}
}
