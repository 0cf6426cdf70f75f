package p

func f() {
}
} // ERROR "non-declaration statement outside function body"
