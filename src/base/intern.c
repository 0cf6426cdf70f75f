/*
 * Interner: one Name per distinct byte string, so names compare by pointer. Names live in
 * the interner's arena; the table is open addressing on the stored hash.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>

void intern_init(Interner *in)
{
	memset(in, 0, sizeof *in);
	arena_init(&in->arena);
}

void intern_free(Interner *in)
{
	free(in->slots);
	arena_free(&in->arena);
	memset(in, 0, sizeof *in);
}

static void intern_grow(Interner *in)
{
	size_t cap = in->cap ? in->cap * 2 : 1024;
	Name **slots = xcalloc(cap, sizeof(Name *));
	for (size_t i = 0; i < in->cap; i++) {
		Name *nm = in->slots[i];
		if (!nm)
			continue;
		size_t j = nm->hash & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = nm;
	}
	free(in->slots);
	in->slots = slots;
	in->cap = cap;
}

Name *intern(Interner *in, const char *s, size_t n)
{
	if ((in->len + 1) * 2 >= in->cap)
		intern_grow(in);
	uint32_t h = (uint32_t)hash_bytes(s, n);
	size_t mask = in->cap - 1;
	size_t i = h & mask;
	for (;; i = (i + 1) & mask) {
		Name *nm = in->slots[i];
		if (!nm)
			break;
		if (nm->hash == h && nm->len == n && memcmp(nm->s, s, n) == 0)
			return nm;
	}
	Name *nm = arena_alloc(&in->arena, sizeof(Name) + n + 1);
	nm->len = (uint32_t)n;
	nm->hash = h;
	memcpy(nm->s, s, n);
	nm->s[n] = 0;
	in->slots[i] = nm;
	in->len++;
	return nm;
}

Name *intern_cstr(Interner *in, const char *s) { return intern(in, s, strlen(s)); }
