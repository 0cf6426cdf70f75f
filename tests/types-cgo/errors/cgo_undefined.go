// Environment lookups through libc: a misspelled Go variable next to C calls.
package main

/*
#include <stdlib.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

func getenv(key string) (string, bool) {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	v := C.getenv(ckey)
	if v == nil {
		return "", false
	}
	return C.GoString(v), true
}

func main() {
	names := []string{"HOME", "PATH", "NO_SUCH_VARIABLE"}
	for _, name := range names {
		val, ok := getenv(name)
		if !ok {
			fmt.Println(nmae, "unset") // fix: fmt.Println(name, "unset")
			continue
		}
		fmt.Println(name, len(val))
	}
}
