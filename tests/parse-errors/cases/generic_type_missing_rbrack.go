package p

type T[P any struct{} // ERROR "unexpected keyword struct in parameter list; possibly missing comma or \]"
