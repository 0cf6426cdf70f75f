package p

func f() {
	x +== 1 // ERROR "unexpected =, expected expression"
}
