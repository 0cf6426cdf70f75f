package p

var s = "\uD800" // ERROR "escape is invalid Unicode code point U\+D800"
