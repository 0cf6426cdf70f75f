package p

func f() {
	defer (g()) // ERROR "expression in defer must not be parenthesized"
}
