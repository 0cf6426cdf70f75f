package p

func f() {
	go (g()) // ERROR "expression in go must not be parenthesized"
}
