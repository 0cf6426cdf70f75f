package p

var $x = 1 // ERROR "invalid character U\+0024 '\$'"
