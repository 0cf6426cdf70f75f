/*
 * Fuzz target for the parser: any input must parse without a crash, a sanitizer report or
 * a hang; a file without errors must dump (the dump walks every node and computes go/ast's
 * Pos/End, so a malformed tree shows up there), with positions inside the file, and go through
 * gc's label and branch checks.
 */
#include "syntax/ast.h"

#include <stdlib.h>
#include <string.h>

static void check_range(const SynFile *f)
{
	uint32_t end = syn_file_end(f);
	if (f->package_pos != SYN_NOPOS && (f->package_pos > f->src->len || (end != SYN_NOPOS && end > f->src->len + 1))) {
		fprintf(stderr, "fuzz_parse: file range %u-%u outside %zu bytes\n", f->package_pos, end, f->src->len);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	/* A file outside the registry (id 0): fuzzing makes millions of them. */
	SrcFile src = {0};
	src.path = "fuzz.go";
	src.text = xmalloc(size + 1);
	memcpy(src.text, data, size);
	src.text[size] = 0;
	src.len = size;
	Interner names;
	intern_init(&names);
	Diags diags;
	diags_init(&diags);
	Arena arena;
	arena_init(&arena);
	SynFile *f = syn_parse_file(&src, &arena, &names, &diags);
	if (!diags.nerrors) {
		check_range(f);
		syn_check_branches(f, &diags);
		if (devnull)
			syn_dump_file(devnull, f);
	}
	arena_free(&arena);
	diags_free(&diags);
	intern_free(&names);
	free(src.lines);
	free(src.text);
	return 0;
}
