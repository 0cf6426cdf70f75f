// ERROR-LINE 4 "invalid UTF-8 encoding"
package p

// bad â(¡ bytes
var s = 1
