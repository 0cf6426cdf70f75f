// ERROR-LINE 4 "string not terminated"
package p

var s = `abc

func f() {}
