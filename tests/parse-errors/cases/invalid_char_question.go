package p

var x = a ? b : c // ERROR "invalid character U\+003F '\?'"
