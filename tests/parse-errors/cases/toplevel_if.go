package p

if true { // ERROR "non-declaration statement outside function body"
}
