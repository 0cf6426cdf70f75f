// Code generated from a grammar (as ragel and goyacc do): line directives map positions
// back to the source the code came from.
package linedir

import "strings"

//line grammar.rl:10
func Parse(data string) int {
	p := 0
//line grammar.rl:20:5
	for p < len(data) {
		p++
	}
	s := "//line not/a/directive.go:1"
	t := `
//line nor/this.go:2
`
	return p + len(s) + len(t)
}

//line ../up/other.y:100:1
func Other() string { return strings.ToUpper("x") }

	//line indented.go:5
func Indented() int { x := 1; return x }

//line /abs/path/file.go:7
func Abs() int { y := /*line inline.go:3:9*/ 2; return y }

//line :30:2
func NoName() int { z := 3; return z }

//line gen.go:40
func Back() int { w := 4; return w }
