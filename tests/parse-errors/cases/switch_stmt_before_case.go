package p

func f(x int) {
	switch x {
	println() // ERROR "unexpected name println, expected case or default or }"
	}
}
