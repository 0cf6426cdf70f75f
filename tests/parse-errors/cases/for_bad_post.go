// GOPARSER-ACCEPTS: go/parser leaves the declaration in a for loop post statement to go/types
package p

func f() {
	for i := 0; i < 10; j := 1 { // ERROR "cannot declare in post statement of for loop"
	}
}
