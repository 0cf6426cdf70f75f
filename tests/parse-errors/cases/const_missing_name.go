package p

const = 1 // ERROR "unexpected =, expected name"
