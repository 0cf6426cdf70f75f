package p

var func = 1 // ERROR "unexpected keyword func, expected name"
