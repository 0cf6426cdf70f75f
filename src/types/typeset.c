/*
 * typeset.c: type sets of interfaces (spec "Interface types", "General interfaces"), after
 * go/types' typeset.go, termlist.go and typeterm.go.
 *
 * A type set is a method set plus a term list: all types (TypeSet.all), the empty set
 * (!all && nterms == 0), or a normalized union of terms T / ~T (no two terms overlap).
 * comparable restricts it to (strictly) comparable types: with terms present the terms are
 * filtered and the flag dropped, as go/types' intersectTermLists does.
 * Computed lazily and cached on the interface; cycles (invalid embeddings) yield the set of
 * all types for the inner occurrence, with a depth bound against malformed input.
 *
 * Threads: interfaces of imported packages are shared, so a type set is computed under the
 * shared lock (share.c) and published with a release store. The cycle guard is a provisional
 * set stored on the interface while its set is computed: a reader that finds it takes the
 * lock, which either waits for the thread computing it or, on that thread, is the cycle.
 */
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

typedef Vec(Term) TermVec;
typedef Vec(Object *) ObjVec;

/* Type sets live in a per-thread arena for the whole run (they are cached on interfaces). */
static _Thread_local Arena ts_arena;
static _Thread_local bool ts_arena_init;

static Arena *arena(void)
{
	if (!ts_arena_init) {
		arena_init(&ts_arena);
		ts_arena_init = true;
	}
	return &ts_arena;
}

/* ---- terms (typeterm.go); a NULL type means the set of all types ---- */

static bool term_disjoint(Term x, Term y)
{
	Type *ux = x.type, *uy = y.type;
	if (y.tilde) ux = types_under(ux);
	if (x.tilde) uy = types_under(uy);
	return !types_identical(ux, uy);
}

/* x ∪ y: one term when they overlap (returned in *u1, *two false), else both. */
static bool term_union(Term x, Term y, Term *u1)
{
	if (!x.type || !y.type) { *u1 = (Term){false, NULL}; return true; }
	if (term_disjoint(x, y)) return false;
	/* ~t ∪ ~t == ~t; ~t ∪ T == ~t; T ∪ ~t == ~t; T ∪ T == T */
	*u1 = (x.tilde || !y.tilde) ? x : y;
	return true;
}

static bool term_intersect(Term x, Term y, Term *r)
{
	if (!x.type) { *r = y; return true; }
	if (!y.type) { *r = x; return true; }
	if (term_disjoint(x, y)) return false;
	*r = (!x.tilde || y.tilde) ? x : y;
	return true;
}

/* termlist.norm: merges overlapping terms; a term for all types makes the list "all". */
static bool terms_norm(TermVec *l)
{
	bool *used = xcalloc(l->len ? l->len : 1, 1);
	TermVec r = {0};
	bool all = false;
	for (size_t i = 0; i < l->len && !all; i++) {
		if (used[i]) continue;
		Term xi = l->data[i];
		if (!xi.type) { all = true; break; }
		for (size_t j = i + 1; j < l->len; j++) {
			if (used[j]) continue;
			Term u;
			if (term_union(xi, l->data[j], &u)) {
				if (!u.type) { all = true; break; }
				xi = u;
				used[j] = true;
			}
		}
		vec_push(&r, xi);
	}
	free(used);
	vec_free(l);
	*l = r;
	if (all) vec_clear(l);
	return all;
}

/* ---- the set being computed ---- */

typedef struct Set {
	bool all;
	TermVec terms;
	bool comparable;
} Set;

static void set_intersect(Set *x, Set *y)
{
	if (y->all) {
	} else if (x->all) {
		x->all = false;
		vec_clear(&x->terms);
		for (size_t i = 0; i < y->terms.len; i++) vec_push(&x->terms, y->terms.data[i]);
	} else {
		TermVec r = {0};
		for (size_t i = 0; i < x->terms.len; i++)
			for (size_t j = 0; j < y->terms.len; j++) {
				Term t;
				if (term_intersect(x->terms.data[i], y->terms.data[j], &t)) vec_push(&r, t);
			}
		vec_free(&x->terms);
		x->terms = r;
		x->all = terms_norm(&x->terms);
	}
	bool comp = x->comparable || y->comparable;
	if (comp && !x->all) {
		size_t k = 0;
		for (size_t i = 0; i < x->terms.len; i++)
			if (types_strictly_comparable(x->terms.data[i].type)) x->terms.data[k++] = x->terms.data[i];
		x->terms.len = k;
		comp = false;
	}
	x->comparable = comp;
}

static _Thread_local int depth_guard;

static void add_methods(ObjVec *ms, ObjList l)
{
	for (uint32_t i = 0; i < l.len; i++) {
		Object *m = l.data[i];
		bool dup = false;
		for (size_t j = 0; j < ms->len && !dup; j++)
			dup = types_same_id(ms->data[j], m->pkg, m->name);
		if (!dup) vec_push(ms, m);
	}
}

static void union_set(Type *u, Set *out);

/* The set of an embedded element (interface, union, or single type term). */
static void elem_set(Type *t, Set *out, ObjVec *ms)
{
	Type *u = types_under(t);
	if (types_unalias(t)->kind != TY_TYPEPARAM && u->kind == TY_INTERFACE) {
		TypeSet *ts = types_typeset(u);
		if (ms) add_methods(ms, ts->methods);
		out->all = ts->all;
		out->comparable = ts->comparable;
		for (uint32_t i = 0; i < ts->nterms; i++) vec_push(&out->terms, ts->terms[i]);
		return;
	}
	t = types_unalias(t);
	if (t->kind == TY_UNION) {
		union_set(t, out);
		return;
	}
	out->all = false;
	vec_push(&out->terms, ((Term){false, t}));
}

static void union_set(Type *u, Set *out)
{
	TypeSet *ts = types_union_typeset(u);
	out->all = ts->all;
	for (uint32_t i = 0; i < ts->nterms; i++) vec_push(&out->terms, ts->terms[i]);
}

/* Cached on the union: identity of unions compares their type sets, and a union whose terms
 * are unions (only malformed input builds those) would otherwise be flattened again for each
 * occurrence, exponentially in the nesting. */
TypeSet *types_union_typeset(Type *u)
{
	static TypeSet all_set = {{NULL, 0}, NULL, 0, true, false};
	if (!u || u->kind != TY_UNION) return &all_set;
	TypeSet *cached = __atomic_load_n(&u->uni.tset, __ATOMIC_ACQUIRE);
	if (cached) return cached;
	types_lock();
	if (u->uni.tset || depth_guard > 100) {
		cached = u->uni.tset ? u->uni.tset : &all_set;
		types_unlock();
		return cached;
	}
	depth_guard++;
	Set s = {false, {0}, false};
	for (uint32_t i = 0; i < u->uni.len && !s.all; i++) {
		Term t = u->uni.terms[i];
		Type *tu = types_under(t.type), *ta = types_unalias(t.type);
		if (ta && ta->kind == TY_UNION) {
			TypeSet *ns = types_union_typeset(ta);
			s.all = ns->all;
			for (uint32_t k = 0; k < ns->nterms && !s.all; k++)
				vec_push(&s.terms, ((Term){ns->terms[k].tilde || t.tilde, ns->terms[k].type}));
		} else if (!t.tilde && tu->kind == TY_INTERFACE && ta && ta->kind != TY_TYPEPARAM) {
			TypeSet *ts = types_typeset(tu);
			s.all = ts->all;
			for (uint32_t k = 0; k < ts->nterms && !s.all; k++) vec_push(&s.terms, ts->terms[k]);
		} else {
			vec_push(&s.terms, t);
		}
	}
	if (!s.all) s.all = terms_norm(&s.terms);
	if (s.all) vec_clear(&s.terms);
	Arena *a = arena();
	TypeSet *ts = ARENA_NEW(a, TypeSet);
	ts->all = s.all;
	ts->nterms = (uint32_t)s.terms.len;
	ts->terms = s.terms.len ? arena_memdup(a, s.terms.data, s.terms.len * sizeof(Term)) : NULL;
	vec_free(&s.terms);
	__atomic_store_n(&u->uni.tset, ts, __ATOMIC_RELEASE);
	depth_guard--;
	types_unlock();
	return ts;
}

TypeSet *types_typeset(Type *t)
{
	Type *it = types_under(t);
	static TypeSet all_set = {{NULL, 0}, NULL, 0, true, false};
	static TypeSet provisional = {{NULL, 0}, NULL, 0, true, false};
	if (it->kind != TY_INTERFACE) return &all_set;
	TypeSet *cached = __atomic_load_n(&it->iface.tset, __ATOMIC_ACQUIRE);
	if (cached && cached != &provisional) return cached;
	types_lock();
	if (it->iface.tset || depth_guard > 100) {
		/* done meanwhile, or our own provisional set (a cycle): the set of all types */
		cached = it->iface.tset && it->iface.tset != &provisional ? it->iface.tset : &all_set;
		types_unlock();
		return cached;
	}
	depth_guard++;
	/* guard against cycles: provisionally the set of all types */
	__atomic_store_n(&it->iface.tset, &provisional, __ATOMIC_RELAXED);
	ObjVec ms = {0};
	add_methods(&ms, it->iface.methods);
	Set s = {true, {0}, false};
	for (uint32_t i = 0; i < it->iface.embeddeds.len; i++) {
		Set e = {true, {0}, false};
		elem_set(it->iface.embeddeds.data[i], &e, &ms);
		set_intersect(&s, &e);
		vec_free(&e.terms);
	}
	Arena *a = arena();
	TypeSet *ts = ARENA_NEW(a, TypeSet);
	types_sort_objects(ms.data, (uint32_t)ms.len);
	ts->methods = (ObjList){ms.len ? arena_memdup(a, ms.data, ms.len * sizeof *ms.data) : NULL, (uint32_t)ms.len};
	ts->all = s.all;
	ts->comparable = s.comparable;
	ts->nterms = (uint32_t)s.terms.len;
	ts->terms = s.terms.len ? arena_memdup(a, s.terms.data, s.terms.len * sizeof(Term)) : NULL;
	vec_free(&s.terms);
	vec_free(&ms);
	__atomic_store_n(&it->iface.tset, ts, __ATOMIC_RELEASE);
	depth_guard--;
	types_unlock();
	return ts;
}

bool types_is_empty_iface(Type *t)
{
	Type *u = types_under(t);
	if (u->kind != TY_INTERFACE) return false;
	TypeSet *ts = types_typeset(u);
	return ts->all && !ts->comparable && ts->methods.len == 0;
}

bool types_iface_is_constraint(Type *t)
{
	Type *u = types_under(t);
	if (u->kind != TY_INTERFACE) return false;
	TypeSet *ts = types_typeset(u);
	return !ts->all || ts->comparable;
}
