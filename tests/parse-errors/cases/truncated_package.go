// ERROR-LINE 2 "unexpected EOF, expected name"
package