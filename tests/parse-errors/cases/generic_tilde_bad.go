package p

type C interface{ ~ } // ERROR "unexpected }, expected type"
