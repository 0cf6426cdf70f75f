package p

func f() {
	for range range x { // ERROR "unexpected keyword range, expected expression|expected operand"
	}
}
