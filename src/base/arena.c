/*
 * Arena: bump allocation in blocks chained from the newest. Blocks grow geometrically
 * up to 1 MiB; a request larger than a block gets a block of its own. All memory is
 * zeroed, so node constructors only set the fields they care about.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
	ArenaBlock *next;
	size_t size;
	max_align_t data[];
};

#define ALIGN (_Alignof(max_align_t))
#define MIN_BLOCK (16u * 1024)
#define MAX_BLOCK (1024u * 1024)

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

static void arena_grow(Arena *a, size_t need)
{
	size_t size = a->head ? a->head->size * 2 : MIN_BLOCK;
	if (size > MAX_BLOCK)
		size = MAX_BLOCK;
	if (size < need)
		size = need;
	ArenaBlock *b = xcalloc(1, sizeof(ArenaBlock) + size);
	b->size = size;
	b->next = a->head;
	a->head = b;
	a->ptr = (char *)b->data;
	a->end = a->ptr + size;
	a->total += sizeof(ArenaBlock) + size;
}

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	if ((size_t)(a->end - a->ptr) < n)
		arena_grow(a, n);
	void *p = a->ptr;
	a->ptr += n;
	return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void *arena_memdup(Arena *a, const void *p, size_t n)
{
	if (n == 0)
		return NULL;
	void *q = arena_alloc(a, n);
	memcpy(q, p, n);
	return q;
}

void arena_free(Arena *a)
{
	ArenaBlock *b = a->head;
	while (b) {
		ArenaBlock *next = b->next;
		free(b);
		b = next;
	}
	memset(a, 0, sizeof *a);
}
