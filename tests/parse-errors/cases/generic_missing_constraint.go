package p

func f[P]() {} // ERROR "missing type constraint"
