package p

func f(x bool) {
	if x {
	}
	else { // ERROR "unexpected keyword else, expected }|else must"
	}
}
