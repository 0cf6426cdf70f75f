/* Map: open addressing with linear probing over pointer-sized keys (0 marks an empty slot). */
#include "base.h"

#include <stdlib.h>
#include <string.h>

void map_init(Map *m) { memset(m, 0, sizeof *m); }

void map_free(Map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static inline size_t mix(uintptr_t k)
{
	uint64_t x = (uint64_t)k;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

void *map_get(const Map *m, uintptr_t key)
{
	if (m->cap == 0)
		return NULL;
	size_t mask = m->cap - 1;
	for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
		if (m->keys[i] == key)
			return m->vals[i];
		if (m->keys[i] == 0)
			return NULL;
	}
}

static void map_rehash(Map *m, size_t cap)
{
	Map n = {xcalloc(cap, sizeof(uintptr_t)), xcalloc(cap, sizeof(void *)), 0, cap};
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			map_put(&n, m->keys[i], m->vals[i]);
	free(m->keys);
	free(m->vals);
	*m = n;
}

void *map_put(Map *m, uintptr_t key, void *val)
{
	if ((m->len + 1) * 4 >= m->cap * 3)
		map_rehash(m, m->cap ? m->cap * 2 : 16);
	size_t mask = m->cap - 1;
	for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
		if (m->keys[i] == key) {
			void *old = m->vals[i];
			m->vals[i] = val;
			return old;
		}
		if (m->keys[i] == 0) {
			m->keys[i] = key;
			m->vals[i] = val;
			m->len++;
			return NULL;
		}
	}
}

/* FNV-1a, 64-bit. */
uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
