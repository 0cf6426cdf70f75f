package p

var x = 0x1.8 // ERROR "hexadecimal mantissa requires a 'p' exponent"
