package p

func f() {
	if var x = 1; x > 0 { // ERROR "var declaration not allowed in if initializer"
	}
}
