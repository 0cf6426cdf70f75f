package p

func f() {
	g(1)) // ERROR "unexpected \) at end of statement"
}
