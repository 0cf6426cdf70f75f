package p

var x = f[]() // ERROR "unexpected \], expected operand"
