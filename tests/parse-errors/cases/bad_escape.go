package p

var s = "a\qb" // ERROR "unknown escape"
