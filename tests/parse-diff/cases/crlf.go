package p

// a comment with CR
var s = `raw
string`
/* block
comment */
var t = 1
