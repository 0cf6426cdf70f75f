package p

var x = 10_ // ERROR "'_' must separate successive digits"
