func f() {} // ERROR "package statement must be first"
