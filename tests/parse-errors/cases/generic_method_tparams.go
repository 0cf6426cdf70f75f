package p

type T struct{}

func (T) m[P any]() {} // ERROR "method must have no type parameters"
