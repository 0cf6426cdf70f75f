// Clock reads through libc: a C-typed result is stored and never used.
package main

/*
#include <time.h>

static long long now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
*/
import "C"

import "fmt"

func elapsed(f func()) int64 {
	start := C.now_ns()
	f()
	end := C.now_ns()
	prev := C.now_ns() // fix:
	return int64(end - start)
}

func main() {
	sum := 0
	ns := elapsed(func() {
		for i := 0; i < 1000; i++ {
			sum += i
		}
	})
	fmt.Println(sum, ns >= 0)
}
