/*
 * Interner: one Name per distinct byte string, so names compare by pointer. Names live in
 * the interner's arena; the table is open addressing on the stored hash.
 *
 * Threads: parsers and checkers on several threads intern at once. A slot goes from NULL to
 * a finished Name once and never changes again, and a table is never shrunk, so a lookup
 * can probe the current table without a lock (acquire loads): finding the name is final,
 * and reaching an empty slot sends it to the locked path, which probes the current table
 * again and inserts. Growing builds a new table and publishes it; the old one stays readable
 * (kept on a list until intern_free) for lookups that started on it.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>

struct InternTable {
	size_t cap;               /* a power of two */
	InternTable *next;        /* the list of replaced tables */
	Name *slots[];
};

void intern_init(Interner *in)
{
	memset(in, 0, sizeof *in);
	arena_init(&in->arena);
	pthread_mutex_init(&in->lock, NULL);
}

void intern_free(Interner *in)
{
	free(in->table);
	for (InternTable *t = in->old, *next; t; t = next) {
		next = t->next;
		free(t);
	}
	arena_free(&in->arena);
	pthread_mutex_destroy(&in->lock);
	memset(in, 0, sizeof *in);
}

static InternTable *new_table(size_t cap)
{
	InternTable *t = xcalloc(1, sizeof *t + cap * sizeof(Name *));
	t->cap = cap;
	return t;
}

/* Called with the lock held. */
static void intern_grow(Interner *in)
{
	InternTable *old = in->table;
	InternTable *t = new_table(old ? old->cap * 2 : 1024);
	size_t mask = t->cap - 1;
	for (size_t i = 0; old && i < old->cap; i++) {
		Name *nm = old->slots[i];
		if (!nm)
			continue;
		size_t j = nm->hash & mask;
		while (t->slots[j])
			j = (j + 1) & mask;
		t->slots[j] = nm;
	}
	__atomic_store_n(&in->table, t, __ATOMIC_RELEASE);
	if (old) {
		old->next = in->old;
		in->old = old;
	}
}

/* The name in t, or NULL; *slot gets the empty slot where the probe ended. */
static Name *probe(InternTable *t, const char *s, size_t n, uint32_t h, size_t *slot)
{
	size_t mask = t->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		Name *nm = __atomic_load_n(&t->slots[i], __ATOMIC_ACQUIRE);
		if (!nm) {
			*slot = i;
			return NULL;
		}
		if (nm->hash == h && nm->len == n && memcmp(nm->s, s, n) == 0)
			return nm;
	}
}

Name *intern(Interner *in, const char *s, size_t n)
{
	uint32_t h = (uint32_t)hash_bytes(s, n);
	size_t slot;
	InternTable *t = __atomic_load_n(&in->table, __ATOMIC_ACQUIRE);
	Name *nm = t ? probe(t, s, n, h, &slot) : NULL;
	if (nm)
		return nm;
	pthread_mutex_lock(&in->lock);
	if (!in->table || (in->len + 1) * 2 >= in->table->cap)
		intern_grow(in);
	t = in->table;
	nm = probe(t, s, n, h, &slot);
	if (!nm) {
		nm = arena_alloc(&in->arena, sizeof(Name) + n + 1);
		nm->len = (uint32_t)n;
		nm->hash = h;
		memcpy(nm->s, s, n);
		nm->s[n] = 0;
		__atomic_store_n(&t->slots[slot], nm, __ATOMIC_RELEASE);
		in->len++;
	}
	pthread_mutex_unlock(&in->lock);
	return nm;
}

Name *intern_cstr(Interner *in, const char *s) { return intern(in, s, strlen(s)); }
