package p

var x = 1 \ 2 // ERROR "invalid character U\+005C"
