package p

var x = ] // ERROR "unexpected \], expected expression"
