package p

return // ERROR "non-declaration statement outside function body"
