package p

var y = x[1:2:] // ERROR "final index required in 3-index slice"
