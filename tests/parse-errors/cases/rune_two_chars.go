package p

var r = 'ab' // ERROR "more than one character in rune literal"
