/*
 * Fuzz target for the type checker: any input that parses is type-checked as a package of
 * one file (imports other than unsafe fail: they become errors), with every path taken:
 * declarations, bodies, inference, the error reports. It must not crash, trip a sanitizer or
 * hang (recursion is bounded by CHECK_MAX_DEPTH; cycles end by the declaration states).
 */
#include "types/check.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the universe is interned once, with the interner the parser uses */
	static Interner names;
	static bool init;
	if (!init) {
		intern_init(&names);
		syn_intern_keywords(&names);
		types_universe_init(&names);
		init = true;
	}
	SrcFile src = {0};
	src.id = 1u << 30; /* outside the registry's ids, so errors are reported (not printed) */
	src.path = "fuzz.go";
	src.text = xmalloc(size + 1);
	memcpy(src.text, data, size);
	src.text[size] = 0;
	src.len = size;
	Diags diags;
	diags_init(&diags);
	Arena arena;
	arena_init(&arena);
	SynFile *f = syn_parse_file(&src, &arena, &names, &diags);
	if (!diags.nerrors) {
		CheckRec *recs;
		size_t nrecs;
		CheckConfig cfg = {NULL, NULL};
		Package *pkg = types_check(&arena, "fuzz", &f, 1, &cfg, &diags, &recs, &nrecs);
		for (size_t i = 0; i < nrecs; i++)
			if (recs[i].obj->type) {
				char *s = types_string(recs[i].obj->type);
				free(s);
			}
		(void)pkg;
		free(recs);
	}
	arena_free(&arena);
	diags_free(&diags);
	free(src.lines);
	free(src.text);
	return 0;
}
