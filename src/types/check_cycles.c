/*
 * check_cycles.c: invalid recursive types (types2 validtype.go) and initialization cycles
 * (types2 initorder.go), reported as gc reports them:
 *
 *   invalid recursive type: T refers to itself
 *   invalid recursive type A              (continuation lines: A refers to B, B refers to A)
 *   initialization cycle: x refers to itself
 *   initialization cycle for x            (continuation lines: x refers to f, f refers to x)
 *
 * Dependencies between package-level objects are recorded while checking (check_add_dep:
 * every identifier that denotes a package-level constant, variable or function, from the
 * declaration being checked: a variable's or constant's value, a function's body with its
 * closures). The initialization order is then simulated as types2 does it: functions are
 * eliminated (their predecessors inherit their successors), and a node taken from the queue
 * (fewest dependencies first, then source order) that still has dependencies is on a cycle,
 * reported along the path findPath finds (dependencies in source order).
 */
#include "types/check.h"

#include <stdlib.h>
#include <string.h>

typedef Vec(uint32_t) U32Vec;

typedef struct Deps {
	U32Vec *of; /* indexed by order - 1: the orders of the objects it depends on */
	uint32_t n;
} Deps;

void check_add_dep(Checker *c, Object *to)
{
	Object *from = c->cur_decl;
	if (!from || !to || to->pkg != c->pkg || !to->order || to->order > c->ndecls || c->decls[to->order - 1].obj != to)
		return;
	if (to->kind != OBJ_VAR && to->kind != OBJ_CONST && to->kind != OBJ_FUNC)
		return;
	Deps *d = c->deps;
	if (!d) {
		d = xcalloc(1, sizeof *d);
		d->n = c->ndecls;
		d->of = xcalloc(d->n ? d->n : 1, sizeof *d->of);
		c->deps = d;
	}
	if (from->order == 0 || from->order > d->n)
		return;
	U32Vec *v = &d->of[from->order - 1];
	for (size_t i = 0; i < v->len; i++)
		if (v->data[i] == to->order)
			return;
	vec_push(v, to->order);
}

static bool is_dep_node(Checker *c, uint32_t i)
{
	ObjKind k = c->decls[i].obj->kind;
	return k == OBJ_VAR || k == OBJ_CONST || k == OBJ_FUNC;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* types2 findPath: a path from `from` to `to` (reversed), dependencies in source order. */
static bool find_path(Deps *d, uint32_t from, uint32_t to, uint8_t *seen, U32Vec *path, int depth)
{
	if (seen[from - 1] || depth > 10000)
		return false;
	seen[from - 1] = 1;
	U32Vec *v = &d->of[from - 1];
	uint32_t *sorted = xmalloc((v->len ? v->len : 1) * sizeof *sorted);
	if (v->len)
		memcpy(sorted, v->data, v->len * sizeof *sorted);
	qsort(sorted, v->len, sizeof *sorted, cmp_u32);
	bool found = false;
	for (size_t i = 0; i < v->len && !found; i++) {
		if (sorted[i] == to) {
			vec_push(path, sorted[i]);
			found = true;
		} else if (find_path(d, sorted[i], to, seen, path, depth + 1)) {
			vec_push(path, sorted[i]);
			found = true;
		}
	}
	free(sorted);
	return found;
}

static void report_init_cycle(Checker *c, U32Vec *cyc)
{
	Object *obj = c->decls[cyc->data[0] - 1].obj;
	if (cyc->len == 1) {
		check_errorf(c, obj->pos.file, obj->pos.off, "initialization cycle: %s refers to itself", obj->name->s);
		return;
	}
	TypesBuf b = {0};
	const char *head = "initialization cycle for ";
	for (const char *s = head; *s; s++)
		vec_push(&b, *s);
	for (const char *s = obj->name->s; *s; s++)
		vec_push(&b, *s);
	Object *o = obj;
	for (size_t j = cyc->len; j-- > 0;) {
		Object *next = c->decls[cyc->data[j] - 1].obj;
		const char *ps = check_pos_str(c, o->pos);
		vec_push(&b, '\n');
		vec_push(&b, '\t');
		for (const char *s = ps; *s; s++)
			vec_push(&b, *s);
		for (const char *s = ": "; *s; s++)
			vec_push(&b, *s);
		for (const char *s = o->name->s; *s; s++)
			vec_push(&b, *s);
		for (const char *s = " refers to "; *s; s++)
			vec_push(&b, *s);
		for (const char *s = next->name->s; *s; s++)
			vec_push(&b, *s);
		o = next;
	}
	vec_push(&b, '\0');
	check_errorf(c, obj->pos.file, obj->pos.off, "%s", b.data);
	vec_free(&b);
}

void check_init_order(Checker *c)
{
	Deps *d = c->deps;
	if (!d)
		return;
	uint32_t n = d->n;
	/* successors of every non-function node, through any chain of functions */
	U32Vec *succ = xcalloc(n ? n : 1, sizeof *succ);
	U32Vec *pred = xcalloc(n ? n : 1, sizeof *pred);
	uint32_t *stamp = xcalloc(n ? n : 1, sizeof *stamp), *fstamp = xcalloc(n ? n : 1, sizeof *fstamp);
	U32Vec stack = {0};
	bool any = false;
	for (uint32_t i = 0; i < n; i++) {
		if (!is_dep_node(c, i) || c->decls[i].obj->kind == OBJ_FUNC)
			continue;
		stack.len = 0;
		for (size_t k = 0; k < d->of[i].len; k++)
			vec_push(&stack, d->of[i].data[k]);
		while (stack.len) {
			uint32_t o = stack.data[--stack.len];
			if (c->decls[o - 1].obj->kind == OBJ_FUNC) {
				if (fstamp[o - 1] == i + 1)
					continue;
				fstamp[o - 1] = i + 1;
				for (size_t k = 0; k < d->of[o - 1].len; k++)
					vec_push(&stack, d->of[o - 1].data[k]);
				continue;
			}
			if (stamp[o - 1] == i + 1)
				continue;
			stamp[o - 1] = i + 1;
			vec_push(&succ[i], o);
			vec_push(&pred[o - 1], i + 1);
			any = true;
		}
	}
	if (any) {
		uint32_t *ndeps = xcalloc(n, sizeof *ndeps);
		uint8_t *done = xcalloc(n, 1);
		uint32_t left = 0;
		for (uint32_t i = 0; i < n; i++) {
			if (!is_dep_node(c, i) || c->decls[i].obj->kind == OBJ_FUNC) {
				done[i] = 1;
				continue;
			}
			ndeps[i] = (uint32_t)succ[i].len;
			left++;
		}
		uint8_t *seen = xcalloc(n, 1);
		U32Vec path = {0};
		while (left--) {
			uint32_t best = UINT32_MAX;
			for (uint32_t i = 0; i < n; i++)
				if (!done[i] && (best == UINT32_MAX || ndeps[i] < ndeps[best]))
					best = i; /* ties: the first in source order (order = index + 1) */
			if (best == UINT32_MAX)
				break;
			done[best] = 1;
			if (ndeps[best] > 0) {
				memset(seen, 0, n);
				path.len = 0;
				if (find_path(d, best + 1, best + 1, seen, &path, 0))
					report_init_cycle(c, &path);
			}
			for (size_t k = 0; k < pred[best].len; k++) {
				uint32_t p = pred[best].data[k] - 1;
				if (ndeps[p])
					ndeps[p]--;
			}
		}
		vec_free(&path);
		free(seen);
		free(ndeps);
		free(done);
	}
	for (uint32_t i = 0; i < n; i++) {
		vec_free(&succ[i]);
		vec_free(&pred[i]);
		vec_free(&d->of[i]);
	}
	vec_free(&stack);
	free(succ);
	free(pred);
	free(stamp);
	free(fstamp);
	free(d->of);
	free(d);
	c->deps = NULL;
}

/* ---- invalid recursive types (validType) ---- */

typedef struct VtFrame {
	Type *named;   /* the (origin) named type on the path */
	Type *inst;    /* the instance it was reached through (type arguments), or NULL */
} VtFrame;

typedef struct ValidType {
	Checker *c;
	Vec(VtFrame) path;
	Map valid;     /* origins found valid (non-generic only) */
	Map reported;  /* origins already on a reported cycle */
} ValidType;

/* "invalid recursive type X" at cyc[0] (the member declared first), with gc's
 * "\tPOS: a refers to b" line per member of the cycle; "refers to itself" for one. */
static void report_cycle(Checker *c, Object **cyc, size_t n)
{
	Object *first = cyc[0];
	if (n == 1) {
		check_errorf(c, first->pos.file, first->pos.off, "invalid recursive type: %s refers to itself", first->name->s);
		return;
	}
	TypesBuf b = {0};
	const char *parts[2] = {"invalid recursive type ", first->name->s};
	for (int i = 0; i < 2; i++)
		for (const char *p = parts[i]; *p; p++)
			vec_push(&b, *p);
	for (size_t k = 0; k < n; k++) {
		const char *line[6] = {"\n\t", check_pos_str(c, cyc[k]->pos), ": ", cyc[k]->name->s, " refers to ",
		                       cyc[(k + 1) % n]->name->s};
		for (int i = 0; i < 6; i++)
			for (const char *p = line[i]; *p; p++)
				vec_push(&b, *p);
	}
	vec_push(&b, '\0');
	check_errorf(c, first->pos.file, first->pos.off, "%s", b.data);
	vec_free(&b);
}

static void report_type_cycle(ValidType *vt, size_t from)
{
	Checker *c = vt->c;
	size_t n = vt->path.len - from;
	/* start at the type declared first in source */
	size_t start = from;
	for (size_t i = from; i < vt->path.len; i++) {
		Object *o = vt->path.data[i].named->named.obj, *s = vt->path.data[start].named->named.obj;
		if (o->pos.file < s->pos.file || (o->pos.file == s->pos.file && o->pos.off < s->pos.off))
			start = i;
	}
	for (size_t i = from; i < vt->path.len; i++)
		if (map_get(&vt->reported, (uintptr_t)vt->path.data[i].named))
			return;
	for (size_t i = from; i < vt->path.len; i++)
		map_put(&vt->reported, (uintptr_t)vt->path.data[i].named, (void *)1);
	Object **cyc = ARENA_ARRAY(c->a, Object *, n);
	for (size_t k = 0; k < n; k++)
		cyc[k] = vt->path.data[from + (start - from + k) % n].named->named.obj;
	report_cycle(c, cyc, n);
}

/* Walks what a value of type t contains directly (struct fields, array elements); false
 * when a cycle was found. env: the instance whose type parameters are being substituted. */
static bool vt_walk(ValidType *vt, Type *t, Type *env, int depth)
{
	if (!t || depth > 200 || vt->path.len > 100)
		return true;
	t = types_unalias(t);
	switch (t->kind) {
	case TY_ARRAY:
		return vt_walk(vt, t->array.elem, env, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++)
			if (!vt_walk(vt, t->strct.fields.data[i]->type, env, depth + 1))
				return false;
		return true;
	case TY_TYPEPARAM: {
		/* the type argument of the instance being walked */
		if (!env || env->kind != TY_NAMED)
			return true;
		Type *orig = env->named.orig;
		uint32_t k = t->tparam.index;
		if (!orig || k >= orig->named.tparams.len || orig->named.tparams.data[k] != t || k >= env->named.targs.len)
			return true;
		/* the argument belongs to the frame below the instance's own */
		Type *outer = NULL;
		for (size_t i = vt->path.len; i-- > 0;)
			if (vt->path.data[i].inst == env) {
				outer = i > 0 ? vt->path.data[i - 1].inst : NULL;
				break;
			}
		return vt_walk(vt, env->named.targs.data[k], outer, depth + 1);
	}
	case TY_NAMED: {
		Type *orig = t->named.orig ? t->named.orig : t;
		Object *o = orig->named.obj;
		if (!o || o->pkg != vt->c->pkg)
			return true; /* imported types are valid */
		if (map_get(&vt->valid, (uintptr_t)orig))
			return true;
		for (size_t i = 0; i < vt->path.len; i++)
			if (vt->path.data[i].named == orig) {
				/* a generic type reached again: types2 reports it at the instance's
				 * position, which types do not keep: not reported */
				for (size_t k = i; k < vt->path.len; k++)
					if (vt->path.data[k].named->named.tparams.len)
						return true;
				report_type_cycle(vt, i);
				return false;
			}
		if (!orig->named.fromrhs)
			return true;
		VtFrame f = {orig, t->named.targs.len ? t : NULL};
		vec_push(&vt->path, f);
		bool ok = vt_walk(vt, orig->named.fromrhs, f.inst, depth + 1);
		vt->path.len--;
		if (ok && !orig->named.tparams.len)
			map_put(&vt->valid, (uintptr_t)orig, (void *)1);
		return ok;
	}
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.embeddeds.len; i++)
			if (!vt_walk(vt, t->iface.embeddeds.data[i], env, depth + 1))
				return false;
		return true;
	case TY_UNION:
		for (uint32_t i = 0; i < t->uni.len; i++)
			if (!vt_walk(vt, t->uni.terms[i].type, env, depth + 1))
				return false;
		return true;
	case TY_BASIC:
	case TY_POINTER:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
	case TY_SIGNATURE:
	case TY_TUPLE:
	case TY_ALIAS:
	case TY_COUNT:
		return true;
	}
	return true;
}

void check_valid_types(Checker *c)
{
	ValidType vt;
	memset(&vt, 0, sizeof vt);
	vt.c = c;
	map_init(&vt.valid);
	map_init(&vt.reported);
	for (uint32_t i = 0; i < c->ndecls; i++) {
		Object *o = c->decls[i].obj;
		if (o->kind != OBJ_TYPENAME || !o->type || o->type->kind != TY_NAMED)
			continue;
		vt.path.len = 0;
		vt_walk(&vt, o->type, NULL, 0);
	}
	vec_free(&vt.path);
	map_free(&vt.valid);
	map_free(&vt.reported);
}

/* types2 validCycle, for the one kind of declaration cycle checked here: type names that
 * are all aliases (A = B, B = A), reported as cycleError does. obj is being resolved again
 * while on c->objpath. */
void check_decl_cycle(Checker *c, Object *obj)
{
	size_t from = c->objpath.len;
	for (size_t i = 0; i < c->objpath.len; i++)
		if (c->objpath.data[i] == obj) {
			from = i;
			break;
		}
	if (from == c->objpath.len)
		return;
	size_t n = c->objpath.len - from;
	for (size_t i = from; i < c->objpath.len; i++) {
		Object *o = c->objpath.data[i];
		DeclInfo *d = o->order && o->order <= c->ndecls ? &c->decls[o->order - 1] : NULL;
		if (o->kind != OBJ_TYPENAME || !d || d->obj != o || !d->spec || d->spec->type.assign == SYN_NOPOS)
			return; /* not an alias: valid, or not checked here */
	}
	size_t start = from;
	for (size_t i = from; i < c->objpath.len; i++) {
		Object *o = c->objpath.data[i], *s = c->objpath.data[start];
		if (o->pos.file < s->pos.file || (o->pos.file == s->pos.file && o->pos.off < s->pos.off))
			start = i;
	}
	Object **cyc = ARENA_ARRAY(c->a, Object *, n);
	for (size_t k = 0; k < n; k++)
		cyc[k] = c->objpath.data[from + (start - from + k) % n];
	report_cycle(c, cyc, n);
}
