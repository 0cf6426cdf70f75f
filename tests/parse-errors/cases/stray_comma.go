package p

func f() {
	x, := 1, 2 // ERROR "unexpected :=, expected expression"
}
