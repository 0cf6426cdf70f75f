package p

func f(x int) int, string {} // ERROR "unexpected comma after top level declaration"
