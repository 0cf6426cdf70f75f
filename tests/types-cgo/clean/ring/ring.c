#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ring.h"
#include "_cgo_export.h"

ring *ring_new(size_t cap, const char *name)
{
	if (cap == 0 || cap > RING_MAX) {
		errno = EINVAL;
		return NULL;
	}
	ring *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->buf = calloc(cap, sizeof *r->buf);
	r->cap = cap;
	r->name = name;
	return r;
}

void ring_free(ring *r)
{
	if (r) {
		free(r->buf);
		free(r);
	}
}

int ring_push(ring *r, int64_t when, double value, const char *tag)
{
	sample *s = &r->buf[(r->head + r->len) % r->cap];
	if (r->len == r->cap)
		r->head = (r->head + 1) % r->cap;
	else
		r->len++;
	s->when = when;
	s->value = value;
	strncpy(s->tag, tag, sizeof s->tag - 1);
	r->state = r->len == r->cap ? RING_FULL : RING_PARTIAL;
	return (int)r->len;
}

int ring_visit(ring *r, visit_fn fn, void *ctx)
{
	for (size_t i = 0; i < r->len; i++)
		if (!fn(ctx, &r->buf[(r->head + i) % r->cap]))
			return (int)i;
	return (int)r->len;
}

static int call_go(void *ctx, const sample *s) { return goVisit((uintptr_t)ctx, (sample *)s); }

int ring_visit_go(ring *r, uintptr_t handle) { return ring_visit(r, call_go, (void *)handle); }
