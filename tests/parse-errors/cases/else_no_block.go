package p

func f(x bool) {
	if x {
	} else return // ERROR "else must be followed by if or statement block"
}
