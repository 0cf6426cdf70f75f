package p

var s = "\xZZ" // ERROR "invalid character 'Z' in hexadecimal escape"
