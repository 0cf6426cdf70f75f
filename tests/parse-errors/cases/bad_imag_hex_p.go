package p

var x = 1p3 // ERROR "'p' exponent requires hexadecimal mantissa"
