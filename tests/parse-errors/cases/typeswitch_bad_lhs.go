// GOPARSER-ACCEPTS: go/parser leaves the type switch guard to go/types
package p

func f() {
	switch g() := x.(type) { // ERROR "invalid variable name|cannot use .* as value"
	}
}
