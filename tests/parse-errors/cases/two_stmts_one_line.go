package p

func f() {
	x := 1 y := 2 // ERROR "unexpected name y at end of statement"
}
