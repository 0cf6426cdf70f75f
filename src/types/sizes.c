/*
 * sizes.c: sizes, alignments and field offsets of gc on amd64, exactly as go/types'
 * gcSizes (gcsizes.go) with WordSize 8 and MaxAlign 8 (types.SizesFor("gc", "amd64")).
 *
 * gc's rules that differ from the plain C layout: a struct whose last field has size zero
 * (and is not its only content at offset 0) gets one byte of padding so that a pointer to
 * that field does not point past the object; complex types align as their halves; the
 * zero-field structs sync/atomic.align64 and internal/runtime/atomic.align64 align to 8.
 * Sizes of types too large for int64 are -1 (and propagate), as in go/types.
 * Type parameters, unions and untyped types have no size: they yield 8 (the catch-all)
 * rather than crashing; the checker never asks for them.
 *
 * Threads: the memo lives on shared types, and its cycle guard (sizing) too, so sizes are
 * computed under the shared lock (share.c); a type already measured is answered without it
 * (sized is published with a release store after size and align).
 */
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

enum { WORD = 8, MAX_ALIGN = 8 };

static const int64_t basic_sizes[BK_COUNT] = {
#define X(n, s, f, sz) sz,
	TYPES_BASIC_KINDS(X)
#undef X
};

static int64_t align_up(int64_t x, int64_t a) { return (x + a - 1) & ~(a - 1); }

static bool is_sync_atomic_align64(Type *t)
{
	t = types_unalias(t);
	if (!t || t->kind != TY_NAMED) return false;
	Object *o = t->named.obj;
	return o && o->name && strcmp(o->name->s, "align64") == 0 && o->pkg &&
	       (strcmp(o->pkg->path, "sync/atomic") == 0 || strcmp(o->pkg->path, "internal/runtime/atomic") == 0);
}

static int64_t sizeof_depth(Type *t, int depth);
static int64_t alignof_raw(Type *t, int depth);
static int64_t sizeof_raw(Type *t, int depth);

/* Memoized on the type; a type met again while its size is being computed is an invalid
 * recursive type (type T struct{ t T }): size -1, alignment 1. */
static void measure(Type *t, int depth)
{
	if (__atomic_load_n(&t->sized, __ATOMIC_ACQUIRE)) return;
	if (t->sizing || depth > 10000) {
		t->size = -1;
		t->align = 1;
		return;
	}
	t->sizing = true;
	int64_t al = alignof_raw(t, depth);
	int64_t sz = sizeof_raw(t, depth);
	t->sizing = false;
	t->size = sz;
	t->align = (uint32_t)al;
	__atomic_store_n(&t->sized, true, __ATOMIC_RELEASE);
}

/* The public entry points: the memo on t, else measured under the shared lock. */
static int64_t locked_size(Type *t, bool align)
{
	if (!t) return align ? 1 : -1;
	if (!__atomic_load_n(&t->sized, __ATOMIC_ACQUIRE)) {
		types_lock();
		measure(t, 1);
		types_unlock();
	}
	return align ? t->align : t->size;
}

static int64_t alignof_depth(Type *t, int depth)
{
	if (!t) return 1;
	measure(t, depth + 1);
	return t->align;
}

static int64_t sizeof_depth(Type *t, int depth)
{
	if (!t) return -1;
	measure(t, depth + 1);
	return t->size;
}

static int64_t alignof_raw(Type *t, int depth)
{
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_ARRAY:
		return alignof_depth(u->array.elem, depth + 1);
	case TY_STRUCT: {
		if (u->strct.fields.len == 0 && is_sync_atomic_align64(t)) return 8;
		int64_t max = 1;
		for (uint32_t i = 0; i < u->strct.fields.len; i++) {
			int64_t a = alignof_depth(u->strct.fields.data[i]->type, depth + 1);
			if (a > max) max = a;
		}
		return max;
	}
	case TY_SLICE:
	case TY_INTERFACE:
		return WORD;
	case TY_BASIC:
		if (u->flags & TF_STRING) return WORD;
		break;
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_SIGNATURE: case TY_UNION: case TY_TUPLE:
	case TY_NAMED: case TY_TYPEPARAM: case TY_ALIAS: case TY_COUNT:
		break;
	}
	int64_t a = sizeof_raw(t, depth + 1);
	if (a < 1) return 1;
	if (u->kind == TY_BASIC && (u->flags & TF_COMPLEX)) a /= 2;
	if (a > MAX_ALIGN) return MAX_ALIGN;
	return a;
}

static void offsets_depth(ObjList fields, int64_t *out, int depth)
{
	int64_t offs = 0;
	for (uint32_t i = 0; i < fields.len; i++) {
		if (offs < 0) {
			out[i] = -1;
			continue;
		}
		Type *ft = fields.data[i]->type;
		int64_t a = alignof_depth(ft, depth + 1);
		offs = align_up(offs, a);
		out[i] = offs;
		int64_t d = sizeof_depth(ft, depth + 1);
		if (d >= 0 && offs >= 0 && offs <= INT64_MAX - d) offs += d;
		else offs = -1;
	}
}

static int64_t sizeof_raw(Type *t, int depth)
{
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC: {
		int64_t s = basic_sizes[u->basic.kind];
		if (s > 0 && !(u->flags & TF_UNTYPED)) return s;
		break;
	}
	case TY_ARRAY: {
		int64_t n = u->array.len;
		if (n <= 0) return 0;
		int64_t es = sizeof_depth(u->array.elem, depth + 1);
		if (es < 0) return -1;
		if (es == 0) return 0;
		if (es > INT64_MAX / n) return -1;
		return es * n;
	}
	case TY_SLICE:
		return WORD * 3;
	case TY_STRUCT: {
		uint32_t n = u->strct.fields.len;
		if (n == 0) return 0;
		int64_t *offs = xmalloc(n * sizeof *offs);
		offsets_depth(u->strct.fields, offs, depth);
		int64_t off = offs[n - 1];
		free(offs);
		int64_t size = sizeof_depth(u->strct.fields.data[n - 1]->type, depth + 1);
		if (off < 0 || size < 0) return -1;
		if (off > 0 && size == 0) size = 1;
		if (off > INT64_MAX - size) return -1;
		int64_t r = align_up(off + size, alignof_raw(t, depth + 1));
		return r < 0 ? -1 : r;
	}
	case TY_INTERFACE:
		return WORD * 2;
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_SIGNATURE: case TY_UNION: case TY_TUPLE:
	case TY_NAMED: case TY_TYPEPARAM: case TY_ALIAS: case TY_COUNT:
		break;
	}
	return WORD; /* catch-all: pointers, maps, channels, funcs, unsafe.Pointer */
}

int64_t types_sizeof(Type *t) { return locked_size(t, false); }
int64_t types_alignof(Type *t) { return locked_size(t, true); }

void types_offsetsof(Type *strct, int64_t *out)
{
	Type *u = types_under(strct);
	if (u->kind != TY_STRUCT) return;
	types_lock();
	offsets_depth(u->strct.fields, out, 0);
	types_unlock();
}

int64_t types_offsetof_field(Type *strct, uint32_t i)
{
	Type *u = types_under(strct);
	if (u->kind != TY_STRUCT || i >= u->strct.fields.len) return -1;
	int64_t *offs = xmalloc(u->strct.fields.len * sizeof *offs);
	types_lock();
	offsets_depth(u->strct.fields, offs, 0);
	types_unlock();
	int64_t r = offs[i];
	free(offs);
	return r;
}

/* ---- pointer data (gc's PtrDataSize / HasPointers, cmd/compile/internal/types/size.go) ---- */

/* gc's NotInHeap: internal/runtime/sys.nih, and structs and arrays containing it. */
static bool not_in_heap(Type *t, int depth)
{
	if (depth > 1000 || !t) return false;
	Type *n = types_unalias(t);
	if (n && n->kind == TY_NAMED) {
		Object *o = n->named.obj;
		if (o && o->name && strcmp(o->name->s, "nih") == 0 && o->pkg && strcmp(o->pkg->path, "internal/runtime/sys") == 0)
			return true;
	}
	Type *u = types_under(t);
	if (u->kind == TY_ARRAY) return not_in_heap(u->array.elem, depth + 1);
	if (u->kind == TY_STRUCT) {
		for (uint32_t i = 0; i < u->strct.fields.len; i++)
			if (not_in_heap(u->strct.fields.data[i]->type, depth + 1)) return true;
	}
	return false;
}

static int64_t ptrdata_depth(Type *t, int depth)
{
	if (depth > 10000 || !t) return 0;
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind == BK_STRING || u->basic.kind == BK_UNSAFE_POINTER) return WORD;
		return 0;
	case TY_POINTER:
		return not_in_heap(u->pointer.elem, depth + 1) ? 0 : WORD;
	case TY_SLICE:
		return not_in_heap(u->slice.elem, depth + 1) ? 0 : WORD;
	case TY_SIGNATURE: case TY_CHAN: case TY_MAP:
		return WORD;
	case TY_INTERFACE:
		return 2 * WORD;
	case TY_ARRAY: {
		if (u->array.len <= 0) return 0;
		int64_t x = ptrdata_depth(u->array.elem, depth + 1);
		if (x <= 0) return 0;
		int64_t es = sizeof_depth(u->array.elem, depth + 1);
		if (es < 0 || (u->array.len - 1) > (INT64_MAX - x) / (es ? es : 1)) return -1;
		return es * (u->array.len - 1) + x;
	}
	case TY_STRUCT: {
		uint32_t n = u->strct.fields.len;
		if (n == 0) return 0;
		int64_t *offs = xmalloc(n * sizeof *offs);
		offsets_depth(u->strct.fields, offs, depth);
		int64_t r = 0;
		for (uint32_t i = n; i-- > 0;) {
			int64_t x = ptrdata_depth(u->strct.fields.data[i]->type, depth + 1);
			if (x > 0) {
				r = offs[i] < 0 ? -1 : offs[i] + x;
				break;
			}
		}
		free(offs);
		return r;
	}
	case TY_UNION: case TY_TUPLE: case TY_NAMED: case TY_TYPEPARAM: case TY_ALIAS: case TY_COUNT:
		break;
	}
	return WORD;
}

int64_t types_ptrdata(Type *t)
{
	types_lock();
	int64_t r = ptrdata_depth(t, 0);
	types_unlock();
	return r;
}

bool types_has_pointers(Type *t) { return types_ptrdata(t) != 0; }
