#ifndef RING_H
#define RING_H
#include <stddef.h>
#include <stdint.h>

#define RING_MAX 4096
#define RING_NAME "ring"

enum ring_state { RING_EMPTY, RING_PARTIAL, RING_FULL };

typedef struct sample {
	int64_t when;
	double value;
	char tag[16];
} sample;

typedef struct ring {
	sample *buf;
	size_t cap, head, len;
	enum ring_state state;
	const char *name;
} ring;

typedef int (*visit_fn)(void *ctx, const sample *s);

ring *ring_new(size_t cap, const char *name);
void ring_free(ring *r);
int ring_push(ring *r, int64_t when, double value, const char *tag);
int ring_visit(ring *r, visit_fn fn, void *ctx);
int ring_visit_go(ring *r, uintptr_t handle);
#endif
