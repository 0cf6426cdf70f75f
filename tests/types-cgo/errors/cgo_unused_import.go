// Host name and process id from libc; strings is imported for a formatting step that was removed.
package main

/*
#include <unistd.h>
#include <limits.h>
*/
import "C"

import (
	"fmt"
	"strings" // fix:
	"unsafe"
)

func hostname() (string, error) {
	buf := make([]byte, 256)
	if rc, err := C.gethostname((*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf))); rc != 0 {
		return "", err
	}
	return C.GoString((*C.char)(unsafe.Pointer(&buf[0]))), nil
}

func main() {
	h, err := hostname()
	if err != nil {
		fmt.Println("hostname:", err)
		return
	}
	fmt.Printf("%s pid %d\n", h, int(C.getpid()))
}
