package p

var x = 0o8 // ERROR "invalid digit '8' in octal literal"
