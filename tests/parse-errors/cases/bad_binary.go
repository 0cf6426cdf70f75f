package p

var x = 0b102 // ERROR "invalid digit '2' in binary literal"
