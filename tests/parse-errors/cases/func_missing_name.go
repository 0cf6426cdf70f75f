package p

func () {} // ERROR "unexpected {, expected name|method has no receiver"
