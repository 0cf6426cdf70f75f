package p

func f[]() {} // ERROR "empty type parameter list"
