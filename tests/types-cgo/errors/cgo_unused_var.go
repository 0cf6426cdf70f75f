// A checksum over C memory: a buffer length computed and never used.
package main

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t adler32(const unsigned char *p, size_t n) {
	uint32_t a = 1, b = 0;
	for (size_t i = 0; i < n; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	return (b << 16) | a;
}
*/
import "C"

import (
	"fmt"
	"os"
	"unsafe"
)

func checksum(data []byte) uint32 {
	p := C.CBytes(data)
	defer C.free(p)
	size := len(data) + 1 // fix:
	sum := C.adler32((*C.uchar)(p), C.size_t(len(data)))
	return uint32(sum)
}

func main() {
	for _, arg := range os.Args[1:] {
		fmt.Printf("%08x %s\n", checksum([]byte(arg)), arg)
	}
	var zero [0]byte
	_ = unsafe.Sizeof(zero)
}
