package p

type I interface {
	m() int {} // ERROR "unexpected { in interface type; possibly missing semicolon or newline or }"
}
