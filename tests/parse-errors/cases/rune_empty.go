package p

var r = '' // ERROR "empty rune literal or unescaped '$"
