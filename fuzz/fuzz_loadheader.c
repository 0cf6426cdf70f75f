/* Fuzz target: a file's header as the loader sees it — the //go:build / +build rules of
 * go/build, the header reader over the scanner, and each line as a constraint expression. */
#include "load/load.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	BuildCtx ctx = {0};
	ctx.goos = "linux";
	ctx.goarch = "amd64";
	ctx.compiler = "gc";
	ctx.cgo = true;
	const char *err;
	load_should_build(&ctx, text, size, &err);
	ctx.any = true;
	load_should_build(&ctx, text, size, &err);
	Arena a;
	arena_init(&a);
	Interner names;
	intern_init(&names);
	LoadHeader h;
	load_read_header(&a, &names, text, size, &h);
	load_header_free(&h);
	/* every line as a constraint */
	const char *p = text, *end = text + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		Cx cx;
		if (load_cx_parse(&cx, p, n)) {
			FILE *null = fopen("/dev/null", "w");
			if (null) {
				load_cx_print(&cx, null);
				fclose(null);
			}
			load_cx_eval(&cx, &ctx);
		}
		load_cx_free(&cx);
		p += n + 1;
	}
	/* and the name rules on the first line */
	char name[256];
	size_t n = strcspn(text, "\n");
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, text, n);
	name[n] = '\0';
	load_good_os_arch_file(&ctx, name);
	intern_free(&names);
	arena_free(&a);
	free(text);
	return 0;
}
