package p

func f[any]() {} // ERROR "missing type constraint|empty type parameter"
