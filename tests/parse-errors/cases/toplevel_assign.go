package p

x := 1 // ERROR "non-declaration statement outside function body"
