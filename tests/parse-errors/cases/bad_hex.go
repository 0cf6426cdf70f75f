package p

var x = 0x // ERROR "hexadecimal literal has no digits"
