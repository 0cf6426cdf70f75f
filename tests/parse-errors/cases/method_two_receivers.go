// GOPARSER-ACCEPTS: go/parser leaves the receiver count to go/types
package p

func (a, b T) m() {} // ERROR "method has multiple receivers"
