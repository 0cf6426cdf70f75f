// ERROR-LINE 4 "comment not terminated"
package p

/* a comment

func f() {}
