package p

var a = 0x // ERROR "hexadecimal literal has no digits"
var b = 1__0 // ERROR "'_' must separate successive digits"
var c = 'ab' // ERROR "more than one character in rune literal"

func f() {
	x := 1 y := 2 // ERROR "unexpected name y at end of statement"
}
