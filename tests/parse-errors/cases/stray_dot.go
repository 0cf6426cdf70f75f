package p

func f() {
	x := a..b // ERROR "unexpected \., expected name or \("
}
