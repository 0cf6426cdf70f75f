package p

var s = "a√(b" // ERROR "invalid UTF-8 encoding"
