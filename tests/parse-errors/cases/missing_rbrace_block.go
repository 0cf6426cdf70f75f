package p

func f(x bool) {
	if x {
		println()
}

func g() {} // ERROR "unexpected name g, expected \("
