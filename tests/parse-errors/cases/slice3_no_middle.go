package p

var y = x[::3] // ERROR "middle index required in 3-index slice"
