package p

var s = `aÿb` // ERROR "invalid UTF-8 encoding"
