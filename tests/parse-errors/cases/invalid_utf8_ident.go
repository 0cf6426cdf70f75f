package p

var xÿ = 1 // ERROR "invalid UTF-8 encoding"
