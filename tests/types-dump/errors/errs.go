// Package errs holds the type errors the checker reports today: undefined names (plain,
// qualified, in types and receivers) and unused imports (plain and renamed).
package errs

import (
	"fmt"
	str "strings"
	"os"
	_ "sort"
	. "unicode"
)

type T struct {
	f Missing
	g fmt.Stringerr
}

func (r *Nope) M() {}

func f() int {
	x := undefinedVar + 1
	var y = fmt.Printn
	_ = y
	_ = IsUpper
	return x + zork()
}
