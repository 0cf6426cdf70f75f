/*
 * subst.c: generic instantiation and type substitution, after go/types' subst.go and
 * instantiate.go (without constraint checks, which callers do with types_satisfies).
 *
 * A substitution maps type parameters (by pointer) to type arguments. types_subst rebuilds
 * only what changes: a type containing no substituted parameter is returned as is. Named
 * instances are created by types_instantiate, deduplicated per origin (identical type
 * arguments give the same instance, as go/types' Context does), and expand lazily: their
 * underlying type on the first types_under, their methods on the first types_named_methods.
 * Fields, params and methods of substituted types are new objects whose origin points back.
 * Recursion is bounded (MAX_DEPTH) against malformed, deeply nested input.
 *
 * Instantiation cycles: a generic type whose expansion instantiates a generic type with a
 * type argument that strictly contains one of its own type parameters, in a cycle that
 * leads back to it (type T[P any] struct{ f *T[[1]P] }), has no finite set of instances;
 * go/types rejects it (monomorph.go: "instantiation cycle", validtype.go). Expanding its
 * instances would build ever-deeper type arguments, and with several such fields the number
 * of instances grows exponentially with the depth. Before expanding an instance we build
 * monomorph.go's graph over the type parameters reachable from the origin's right-hand side
 * and methods (an edge P -> Q of weight 0 when P is passed as is for Q, 1 when inside a
 * bigger type) and cut the instances that carry a weight-1 edge lying on a cycle: they
 * expand to the invalid type, so only finitely many instances are ever made.
 *
 * Threads (share.c): a generic type's list of instances is shared by every package that
 * instantiates it, a lock-free stack (pushes only); a package reuses only the instances made
 * in its own arena. Expansion runs under the shared lock and allocates in the instance's
 * arena (no other thread allocates there meanwhile: the package that owns it is either the
 * caller or finished); its results are published with release stores.
 */
#include "types/types.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 5000
/* Instances made while expanding an instance nest one level deeper; a generic type whose
 * expansion keeps growing (type G[T any] struct{ g G[[1]T] }, rejected by the checker as an
 * instantiation cycle) stops at this depth with an invalid type instead of expanding forever. */
#define MAX_INST_DEPTH 64

static _Thread_local uint32_t expand_depth;

typedef struct Subst {
	Arena *a;
	TypeList from, to;
	int depth;
	const Type *const *cut; /* instances of an instantiation cycle: substituted to invalid */
	size_t ncut;
} Subst;

/* ---- instantiation cycles (after go/types' monomorph.go) ---- */

enum { MONO_BUDGET = 200000, MONO_MAX_DEPTH = 200 };

typedef struct MonoEdge {
	Type *from, *to; /* type parameters */
	Type *node;      /* the instance in a right-hand side that makes the edge */
	bool grow;       /* weight 1: from occurs strictly inside the type argument */
} MonoEdge;

typedef struct Mono {
	Map seen;               /* types walked */
	Vec(Type *) origins;    /* generic types and aliases whose right-hand sides to walk */
	Vec(MonoEdge) edges;
	Vec(Type *) found;      /* scratch: type parameters occurring in a type argument */
	long budget;
} Mono;

/* Type parameters occurring in t (with repeats; bounded by the budget). */
static void mono_tparams(Mono *m, Type *t, int depth)
{
	if (!t || depth > MONO_MAX_DEPTH || --m->budget < 0) return;
	switch (t->kind) {
	case TY_BASIC: break;
	case TY_POINTER: mono_tparams(m, t->pointer.elem, depth + 1); break;
	case TY_SLICE: mono_tparams(m, t->slice.elem, depth + 1); break;
	case TY_ARRAY: mono_tparams(m, t->array.elem, depth + 1); break;
	case TY_CHAN: mono_tparams(m, t->chan.elem, depth + 1); break;
	case TY_MAP:
		mono_tparams(m, t->map.key, depth + 1);
		mono_tparams(m, t->map.elem, depth + 1);
		break;
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++) mono_tparams(m, t->strct.fields.data[i]->type, depth + 1);
		break;
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.vars.len; i++) mono_tparams(m, t->tuple.vars.data[i]->type, depth + 1);
		break;
	case TY_SIGNATURE:
		mono_tparams(m, t->sig.params, depth + 1);
		mono_tparams(m, t->sig.results, depth + 1);
		break;
	case TY_UNION:
		for (uint32_t i = 0; i < t->uni.len; i++) mono_tparams(m, t->uni.terms[i].type, depth + 1);
		break;
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.methods.len; i++) mono_tparams(m, t->iface.methods.data[i]->type, depth + 1);
		for (uint32_t i = 0; i < t->iface.embeddeds.len; i++) mono_tparams(m, t->iface.embeddeds.data[i], depth + 1);
		break;
	case TY_NAMED:
		if (t->named.orig != t)
			for (uint32_t i = 0; i < t->named.targs.len; i++) mono_tparams(m, t->named.targs.data[i], depth + 1);
		break;
	case TY_ALIAS:
		if (t->alias.orig != t)
			for (uint32_t i = 0; i < t->alias.targs.len; i++) mono_tparams(m, t->alias.targs.data[i], depth + 1);
		break;
	case TY_TYPEPARAM: vec_push(&m->found, t); break;
	case TY_COUNT: break;
	}
}

static void mono_add_origin(Mono *m, Type *orig)
{
	for (size_t i = 0; i < m->origins.len; i++)
		if (m->origins.data[i] == orig) return;
	vec_push(&m->origins, orig);
}

/* An instance in a right-hand side: edges from the type parameters in each type argument
 * to the corresponding type parameter of its origin. */
static void mono_instance(Mono *m, Type *n, Type *orig, TypeList targs, TypeList tparams)
{
	mono_add_origin(m, orig);
	for (uint32_t j = 0; j < targs.len && j < tparams.len; j++) {
		Type *a = targs.data[j];
		if (a && a->kind == TY_TYPEPARAM) {
			vec_push(&m->edges, ((MonoEdge){a, tparams.data[j], n, false}));
			continue;
		}
		m->found.len = 0;
		mono_tparams(m, a, 0);
		for (size_t k = 0; k < m->found.len; k++)
			vec_push(&m->edges, ((MonoEdge){m->found.data[k], tparams.data[j], n, true}));
	}
}

/* Walks a right-hand side for instances, without expanding anything. */
static void mono_walk(Mono *m, Type *t, int depth)
{
	if (!t || depth > MONO_MAX_DEPTH || --m->budget < 0) return;
	if (map_get(&m->seen, (uintptr_t)t)) return;
	map_put(&m->seen, (uintptr_t)t, t);
	switch (t->kind) {
	case TY_BASIC: case TY_TYPEPARAM: case TY_COUNT: break;
	case TY_POINTER: mono_walk(m, t->pointer.elem, depth + 1); break;
	case TY_SLICE: mono_walk(m, t->slice.elem, depth + 1); break;
	case TY_ARRAY: mono_walk(m, t->array.elem, depth + 1); break;
	case TY_CHAN: mono_walk(m, t->chan.elem, depth + 1); break;
	case TY_MAP:
		mono_walk(m, t->map.key, depth + 1);
		mono_walk(m, t->map.elem, depth + 1);
		break;
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++) mono_walk(m, t->strct.fields.data[i]->type, depth + 1);
		break;
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.vars.len; i++) mono_walk(m, t->tuple.vars.data[i]->type, depth + 1);
		break;
	case TY_SIGNATURE:
		mono_walk(m, t->sig.params, depth + 1);
		mono_walk(m, t->sig.results, depth + 1);
		break;
	case TY_UNION:
		for (uint32_t i = 0; i < t->uni.len; i++) mono_walk(m, t->uni.terms[i].type, depth + 1);
		break;
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.methods.len; i++) mono_walk(m, t->iface.methods.data[i]->type, depth + 1);
		for (uint32_t i = 0; i < t->iface.embeddeds.len; i++) mono_walk(m, t->iface.embeddeds.data[i], depth + 1);
		break;
	case TY_NAMED:
		if (t->named.orig != t && t->named.targs.len) {
			Type *o = t->named.orig;
			mono_instance(m, t, o, t->named.targs, o->named.tparams);
			for (uint32_t i = 0; i < t->named.targs.len; i++) mono_walk(m, t->named.targs.data[i], depth + 1);
		}
		break;
	case TY_ALIAS:
		if (t->alias.orig != t && t->alias.targs.len) {
			Type *o = t->alias.orig;
			mono_instance(m, t, o, t->alias.targs, o->alias.tparams);
			for (uint32_t i = 0; i < t->alias.targs.len; i++) mono_walk(m, t->alias.targs.data[i], depth + 1);
		}
		break;
	}
}

/* Is there a path of edges from a to b? */
static bool mono_reaches(Mono *m, Type *a, Type *b)
{
	Vec(Type *) work = {0};
	Map seen;
	map_init(&seen);
	vec_push(&work, a);
	map_put(&seen, (uintptr_t)a, a);
	bool r = false;
	while (work.len && !r) {
		Type *x = vec_pop(&work);
		if (x == b) r = true;
		for (size_t i = 0; i < m->edges.len && !r; i++) {
			MonoEdge *e = &m->edges.data[i];
			if (e->from != x || map_get(&seen, (uintptr_t)e->to)) continue;
			map_put(&seen, (uintptr_t)e->to, e->to);
			vec_push(&work, e->to);
		}
	}
	vec_free(&work);
	map_free(&seen);
	return r;
}

/* The instances to cut when expanding an instance of orig (a malloc'd list, or NULL). */
static Type **mono_cuts(Type *orig, size_t *ncut)
{
	Mono m = {.budget = MONO_BUDGET};
	map_init(&m.seen);
	mono_add_origin(&m, orig);
	/* only the instances in orig's own right-hand side are substituted when expanding it: when
	 * none carries a weight-1 edge there is nothing to cut (the common case), and the graph
	 * beyond is needed only to find the cycles through them */
	size_t nown = 0;
	for (size_t i = 0; i < m.origins.len && m.budget > 0; i++) {
		if (i == 1) {
			nown = m.edges.len;
			bool grow = false;
			for (size_t k = 0; k < nown && !grow; k++) grow = m.edges.data[k].grow;
			if (!grow) break;
		}
		Type *o = m.origins.data[i];
		if (o->kind == TY_ALIAS) {
			mono_walk(&m, o->alias.fromrhs, 0);
			continue;
		}
		mono_walk(&m, o->named.fromrhs ? o->named.fromrhs : o->named.under, 0);
		for (uint32_t k = 0; k < o->named.methods.len; k++) {
			Type *sig = o->named.methods.data[k]->type;
			mono_walk(&m, sig, 0);
			/* a method's receiver type parameters stand for the type's own */
			if (!sig || sig->kind != TY_SIGNATURE || sig->sig.rparams.len != o->named.tparams.len) continue;
			for (uint32_t j = 0; j < sig->sig.rparams.len; j++) {
				Type *tp = o->named.tparams.data[j], *rp = sig->sig.rparams.data[j];
				vec_push(&m.edges, ((MonoEdge){tp, rp, NULL, false}));
				vec_push(&m.edges, ((MonoEdge){rp, tp, NULL, false}));
			}
		}
	}
	if (!nown) nown = m.edges.len; /* the loop ended before walking a second origin */
	Vec(Type *) cut = {0};
	for (size_t i = 0; i < nown; i++) {
		MonoEdge *e = &m.edges.data[i];
		if (!e->grow) continue;
		bool dup = false;
		for (size_t k = 0; k < cut.len && !dup; k++) dup = cut.data[k] == e->node;
		if (!dup && mono_reaches(&m, e->to, e->from)) vec_push(&cut, e->node);
	}
	map_free(&m.seen);
	vec_free(&m.origins);
	vec_free(&m.edges);
	vec_free(&m.found);
	*ncut = cut.len;
	return cut.data;
}

static bool is_cut(Subst *s, Type *t)
{
	for (size_t i = 0; i < s->ncut; i++)
		if (s->cut[i] == t) return true;
	return false;
}

static Type *subst(Subst *s, Type *t);

static Type *lookup_tparam(Subst *s, Type *tp)
{
	for (uint32_t i = 0; i < s->from.len; i++)
		if (s->from.data[i] == tp) return s->to.data[i];
	return NULL;
}

/* Substituted copies of var objects; returns the original list when nothing changed. */
static ObjList subst_vars(Subst *s, ObjList vars, bool *changed)
{
	Object **nv = NULL;
	for (uint32_t i = 0; i < vars.len; i++) {
		Object *v = vars.data[i];
		Type *nt = subst(s, v->type);
		if (nt != v->type) {
			if (!nv) {
				nv = ARENA_ARRAY(s->a, Object *, vars.len);
				memcpy(nv, vars.data, vars.len * sizeof *nv);
			}
			Object *c = arena_memdup(s->a, v, sizeof *v);
			c->type = nt;
			if (c->kind == OBJ_VAR) c->var.origin = v->var.origin ? v->var.origin : v;
			nv[i] = c;
		}
	}
	if (!nv) return vars;
	*changed = true;
	return (ObjList){nv, vars.len};
}

static ObjList subst_funcs(Subst *s, ObjList fns, bool *changed)
{
	Object **nf = NULL;
	for (uint32_t i = 0; i < fns.len; i++) {
		Object *f = fns.data[i];
		Type *nt = subst(s, f->type);
		if (nt != f->type) {
			if (!nf) {
				nf = ARENA_ARRAY(s->a, Object *, fns.len);
				memcpy(nf, fns.data, fns.len * sizeof *nf);
			}
			Object *c = arena_memdup(s->a, f, sizeof *f);
			c->type = nt;
			c->func.origin = f->func.origin ? f->func.origin : f;
			nf[i] = c;
		}
	}
	if (!nf) return fns;
	*changed = true;
	return (ObjList){nf, fns.len};
}

static bool subst_list(Subst *s, TypeList in, TypeList *out)
{
	Type **nl = NULL;
	for (uint32_t i = 0; i < in.len; i++) {
		Type *nt = subst(s, in.data[i]);
		if (nt != in.data[i]) {
			if (!nl) {
				nl = ARENA_ARRAY(s->a, Type *, in.len);
				memcpy(nl, in.data, in.len * sizeof *nl);
			}
			nl[i] = nt;
		}
	}
	*out = nl ? (TypeList){nl, in.len} : in;
	return nl != NULL;
}

/* A copy of a struct, tuple, signature or interface type for substitution: its parts, not
 * the caches (sizes, type set) that other threads may be filling in on the original. */
static Type *copy_type(Arena *a, Type *t)
{
	Type *c = ARENA_NEW(a, Type);
	c->kind = t->kind;
	c->flags = t->flags;
	switch (t->kind) {
	case TY_STRUCT: c->strct = t->strct; break;
	case TY_TUPLE: c->tuple = t->tuple; break;
	case TY_SIGNATURE: c->sig = t->sig; break;
	case TY_INTERFACE:
		c->iface.methods = t->iface.methods;
		c->iface.embeddeds = t->iface.embeddeds;
		c->iface.implicit = t->iface.implicit;
		break;
	case TY_BASIC: case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_MAP: case TY_CHAN:
	case TY_UNION: case TY_NAMED: case TY_TYPEPARAM: case TY_ALIAS: case TY_COUNT:
		assert(0 && "copy_type: not a composite type");
		break;
	}
	return c;
}

static Type *subst(Subst *s, Type *t)
{
	if (!t) return t;
	if (s->depth > MAX_DEPTH) return types_typ[BK_INVALID];
	s->depth++;
	Type *r = t;
	switch (t->kind) {
	case TY_BASIC:
		break;
	case TY_POINTER: {
		Type *e = subst(s, t->pointer.elem);
		if (e != t->pointer.elem) r = types_new_pointer(s->a, e);
		break;
	}
	case TY_SLICE: {
		Type *e = subst(s, t->slice.elem);
		if (e != t->slice.elem) r = types_new_slice(s->a, e);
		break;
	}
	case TY_ARRAY: {
		Type *e = subst(s, t->array.elem);
		if (e != t->array.elem) r = types_new_array(s->a, e, t->array.len);
		break;
	}
	case TY_MAP: {
		Type *k = subst(s, t->map.key), *e = subst(s, t->map.elem);
		if (k != t->map.key || e != t->map.elem) r = types_new_map(s->a, k, e);
		break;
	}
	case TY_CHAN: {
		Type *e = subst(s, t->chan.elem);
		if (e != t->chan.elem) r = types_new_chan(s->a, t->chan.dir, e);
		break;
	}
	case TY_STRUCT: {
		bool ch = false;
		ObjList f = subst_vars(s, t->strct.fields, &ch);
		if (ch) {
			r = copy_type(s->a, t);
			r->strct.fields = f;
		}
		break;
	}
	case TY_TUPLE: {
		bool ch = false;
		ObjList v = subst_vars(s, t->tuple.vars, &ch);
		if (ch) {
			r = copy_type(s->a, t);
			r->tuple.vars = v;
		}
		break;
	}
	case TY_SIGNATURE: {
		/* the receiver and the signature's own type parameters are not substituted */
		Type *p = subst(s, t->sig.params), *q = subst(s, t->sig.results);
		if (p != t->sig.params || q != t->sig.results) {
			r = copy_type(s->a, t);
			r->sig.params = p;
			r->sig.results = q;
		}
		break;
	}
	case TY_UNION: {
		Term *nt = NULL;
		for (uint32_t i = 0; i < t->uni.len; i++) {
			Type *x = subst(s, t->uni.terms[i].type);
			if (x != t->uni.terms[i].type) {
				if (!nt) nt = arena_memdup(s->a, t->uni.terms, t->uni.len * sizeof *nt);
				nt[i].type = x;
			}
		}
		if (nt) r = types_new_union(s->a, nt, t->uni.len);
		break;
	}
	case TY_INTERFACE: {
		bool ch = false;
		ObjList m = subst_funcs(s, t->iface.methods, &ch);
		TypeList e;
		ch |= subst_list(s, t->iface.embeddeds, &e);
		if (ch) {
			r = copy_type(s->a, t);
			r->iface.methods = m;
			r->iface.embeddeds = e;
		}
		break;
	}
	case TY_NAMED:
		if (t->named.orig != t && t->named.targs.len) {
			TypeList nl;
			if (subst_list(s, t->named.targs, &nl))
				r = is_cut(s, t) ? types_typ[BK_INVALID] : types_instantiate(s->a, t->named.orig, nl.data, nl.len);
		}
		break;
	case TY_ALIAS:
		if (t->alias.targs.len) {
			TypeList nl;
			if (subst_list(s, t->alias.targs, &nl))
				r = is_cut(s, t) ? types_typ[BK_INVALID] : types_instantiate(s->a, t->alias.orig, nl.data, nl.len);
		}
		break;
	case TY_TYPEPARAM: {
		Type *x = lookup_tparam(s, t);
		if (x) r = x;
		break;
	}
	case TY_COUNT:
		break;
	}
	s->depth--;
	return r;
}

Type *types_subst(Arena *a, Type *t, TypeList tparams, TypeList targs)
{
	if (tparams.len == 0 || tparams.len != targs.len) return t;
	Subst s = {a, tparams, targs, 0, NULL, 0};
	return subst(&s, t);
}

static bool same_targs(TypeList l, Type **targs, uint32_t n)
{
	if (l.len != n) return false;
	for (uint32_t i = 0; i < n; i++)
		if (!types_identical(l.data[i], targs[i])) return false;
	return true;
}

Type *types_instantiate(Arena *a, Type *g, Type **targs, uint32_t n)
{
	if (!g) return g;
	switch (g->kind) {
	case TY_NAMED: {
		Type *orig = g->named.orig;
		if (orig->named.tparams.len != n || n == 0) return types_typ[BK_INVALID];
		/* only this arena's instances: the others may belong to packages being checked */
		Type *head = __atomic_load_n(&orig->named.insts, __ATOMIC_ACQUIRE);
		for (Type *i = head; i; i = i->named.next_inst)
			if (i->named.arena == a && same_targs(i->named.targs, targs, n)) return i;
		if (expand_depth >= MAX_INST_DEPTH) return types_typ[BK_INVALID];
		Type *t = types_new_named(a, orig->named.obj, NULL);
		t->named.inst_depth = expand_depth;
		t->named.orig = orig;
		t->named.targs = (TypeList){arena_memdup(a, targs, n * sizeof *targs), n};
		t->named.arena = a;
		/* push: other packages push instances of the same generic type concurrently */
		t->named.next_inst = head;
		while (!__atomic_compare_exchange_n(&orig->named.insts, &t->named.next_inst, t, false, __ATOMIC_RELEASE,
		                                    __ATOMIC_ACQUIRE)) {
		}
		return t;
	}
	case TY_ALIAS: {
		Type *orig = g->alias.orig;
		if (orig->alias.tparams.len != n || n == 0) return types_typ[BK_INVALID];
		Type *t = types_new_alias(a, orig->alias.obj, NULL);
		t->alias.orig = orig;
		t->alias.targs = (TypeList){arena_memdup(a, targs, n * sizeof *targs), n};
		t->alias.arena = a;
		return t;
	}
	case TY_SIGNATURE: {
		if (g->sig.tparams.len != n) return types_typ[BK_INVALID];
		Type *t = types_subst(a, g, g->sig.tparams, (TypeList){targs, n});
		if (t == g) t = copy_type(a, g);
		t->sig.tparams = (TypeList){NULL, 0};
		return t;
	}
	case TY_BASIC: case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_MAP: case TY_CHAN:
	case TY_STRUCT: case TY_INTERFACE: case TY_UNION: case TY_TUPLE: case TY_TYPEPARAM: case TY_COUNT:
		break;
	}
	return types_typ[BK_INVALID];
}

/* Called by types_unalias for an instance of a generic alias. */
Type *types_inst_expand_alias(Type *t);
Type *types_inst_expand_alias(Type *t)
{
	Type *orig = t->alias.orig;
	Subst s = {t->alias.arena, orig->alias.tparams, t->alias.targs, 0, NULL, 0};
	Type **cut = mono_cuts(orig, &s.ncut);
	s.cut = (const Type *const *)cut;
	Type *r = subst(&s, orig->alias.fromrhs);
	free(cut);
	return r;
}

static void expand_named(Type *t);

/* Called by types_under and types_named_methods for an instance of a generic type. */
void types_inst_expand_named(Type *t);
void types_inst_expand_named(Type *t)
{
	Type *orig = t->named.orig;
	if (__atomic_load_n(&t->named.under, __ATOMIC_ACQUIRE) &&
	    __atomic_load_n(&t->named.methods.len, __ATOMIC_ACQUIRE) == orig->named.methods.len)
		return;
	types_lock();
	expand_named(t);
	types_unlock();
}

/* Under the shared lock. */
static void expand_named(Type *t)
{
	Type *orig = t->named.orig;
	if (t->named.under && t->named.methods.len == orig->named.methods.len) return;
	/* the origin's right-hand side may not be resolved yet (an instance made inside its own
	 * declaration): expand later, without caching anything */
	if (!orig->named.fromrhs && !orig->named.under) return;
	if (!t->named.under && t->named.expanding) return;
	Subst s = {t->named.arena, orig->named.tparams, t->named.targs, 0, NULL, 0};
	Type **cut = mono_cuts(orig, &s.ncut);
	s.cut = (const Type *const *)cut;
	uint32_t saved = expand_depth;
	expand_depth = t->named.inst_depth + 1;
	if (!t->named.under) {
		t->named.expanding = true;
		Type *u = types_under(orig);
		__atomic_store_n(&t->named.under, types_under(subst(&s, u)), __ATOMIC_RELEASE);
		t->named.expanding = false;
	}
	/* methods: substitute the receiver type parameters (or the type's own) */
	uint32_t n = orig->named.methods.len;
	if (t->named.methods.len != n) {
		Object **ms = ARENA_ARRAY(s.a, Object *, n ? n : 1);
		for (uint32_t i = 0; i < n; i++) {
			Object *m = orig->named.methods.data[i];
			Type *sig = m->type;
			if (!sig || sig->kind != TY_SIGNATURE) {
				ms[i] = m;
				continue;
			}
			Subst ms_s = s;
			if (sig->sig.rparams.len == t->named.targs.len && sig->sig.rparams.len) ms_s.from = sig->sig.rparams;
			Type *ns = subst(&ms_s, sig);
			if (ns == sig) ns = copy_type(s.a, sig);
			ns->sig.rparams = (TypeList){NULL, 0};
			if (sig->sig.recv) {
				Object *rv = arena_memdup(s.a, sig->sig.recv, sizeof(Object));
				Type *rt = types_unalias(rv->type);
				rv->type = rt && rt->kind == TY_POINTER ? types_new_pointer(s.a, t) : t;
				ns->sig.recv = rv;
			}
			Object *c = arena_memdup(s.a, m, sizeof *m);
			c->type = ns;
			c->func.origin = m;
			ms[i] = c;
		}
		t->named.methods.data = ms;
		__atomic_store_n(&t->named.methods.len, n, __ATOMIC_RELEASE);
	}
	expand_depth = saved;
	free(cut);
}
