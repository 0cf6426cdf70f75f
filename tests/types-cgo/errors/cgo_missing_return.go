// Sorting with libc's qsort and a Go comparison exported to C.
package main

/*
#include <stdlib.h>

extern int goCompare(void *, void *);

static int cmp(const void *a, const void *b) { return goCompare((void *)a, (void *)b); }
static void sort_ints(int *v, size_t n) { qsort(v, n, sizeof *v, cmp); }
*/
import "C"

import (
	"fmt"
	"unsafe"
)

//export goCompare
func goCompare(a, b unsafe.Pointer) C.int {
	x, y := *(*C.int)(a), *(*C.int)(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	// fix: return 0
}

func sortInts(v []int32) {
	if len(v) < 2 {
		return
	}
	C.sort_ints((*C.int)(unsafe.Pointer(&v[0])), C.size_t(len(v)))
}

func main() {
	v := []int32{5, 3, 9, 1, 7}
	sortInts(v)
	fmt.Println(v)
}
