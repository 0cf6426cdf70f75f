package p

var x = 1e+ // ERROR "exponent has no digits"
