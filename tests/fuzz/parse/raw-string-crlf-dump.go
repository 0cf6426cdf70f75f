package p

var s = `a
b`
// c
/* d
*/
