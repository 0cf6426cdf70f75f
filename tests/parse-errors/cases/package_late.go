// a comment

import "fmt" // ERROR "package statement must be first"

package p
