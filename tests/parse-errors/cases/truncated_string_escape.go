// ERROR-LINE 4 "not terminated|escape"
package p

var s = "\