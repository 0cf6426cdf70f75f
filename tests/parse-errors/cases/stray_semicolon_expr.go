package p

var x = 1 +; // ERROR "unexpected semicolon, expected expression"
