package p

var ٠x = 1 // ERROR "identifier cannot begin with digit U\+0660"
