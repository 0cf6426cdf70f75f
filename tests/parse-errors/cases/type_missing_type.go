// ERROR-LINE 4 "unexpected newline in type declaration"
package p

type T
