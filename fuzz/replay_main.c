/*
 * Replays inputs through a libFuzzer target without libFuzzer: every crash a fuzzer ever
 * found is kept under tests/fuzz/<target>/ and replayed by `make check` with this driver,
 * built with the normal compiler (and under ASan by `make asan`).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
		size_t got = fread(buf, 1, (size_t)(n > 0 ? n : 0), f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, got);
		free(buf);
	}
	return 0;
}
