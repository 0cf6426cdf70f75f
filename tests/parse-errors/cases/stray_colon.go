package p

func f() {
	var x int: = 1 // ERROR "unexpected : at end of statement"
}
