/* A tiny harness for the C unit tests: each CHECK prints "ok"/"FAIL" lines that tests/run.sh counts. */
#ifndef GOMEM_TEST_CHECK_H
#define GOMEM_TEST_CHECK_H
#include <stdio.h>

static int check_failures __attribute__((unused));

#define CHECK(name, cond)                                                                                \
	do {                                                                                                 \
		if (cond)                                                                                        \
			printf("ok %s\n", (name));                                                                  \
		else {                                                                                           \
			printf("FAIL %s: %s (%s:%d)\n", (name), #cond, __FILE__, __LINE__);                      \
			check_failures++;                                                                            \
		}                                                                                                \
	} while (0)

#endif
