package p

func f(a int, b int { // ERROR "unexpected { in parameter list; possibly missing comma or \)"
}
