package p

var r = '\U00110000' // ERROR "escape is invalid Unicode code point U\+110000"
