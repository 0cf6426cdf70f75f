package p

println("hi") // ERROR "non-declaration statement outside function body"
