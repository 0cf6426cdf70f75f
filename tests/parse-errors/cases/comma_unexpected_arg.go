package p

func f() {
	g(,) // ERROR "unexpected comma, expected expression"
}
