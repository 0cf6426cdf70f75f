/* Fuzz target: go.mod and go.work text through the loader's parser (main, workspace and
 * dependency modes), then the module directories and vendor list built from it. */
#include "load/load.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	for (int mode = 0; mode < 3; mode++) {
		Loader l;
		memset(&l, 0, sizeof l);
		arena_init(&l.arena);
		intern_init(&l.names);
		l.modcache = "/nonexistent/pkg/mod";
		/* go.work "use" lines would read other files: only main and dependency modes here */
		load_parse_gomod_text(&l, "/nonexistent/go.mod", text, size, false, mode == 1);
		if (mode == 2 && l.nmain)
			load_mvs(&l); /* reads nothing that exists: every lookup fails cleanly */
		for (size_t i = 0; i < l.errors.len; i++)
			free(l.errors.data[i]);
		vec_free(&l.errors);
		vec_free(&l.mods);
		vec_free(&l.replaces);
		vec_free(&l.vendored);
		intern_free(&l.names);
		arena_free(&l.arena);
	}
	free(text);
	return 0;
}
