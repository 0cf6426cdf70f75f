package p

var r = '\400' // ERROR "octal escape value 256 > 255"
