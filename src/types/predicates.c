/*
 * predicates.c: type identity (spec "Type identity"), comparability (spec "Comparison
 * operators"), core types, assignability (spec "Assignability"), convertibility (spec
 * "Conversions") and interface satisfaction, after go/types' predicates.go, operand.go
 * (assignableTo), conversions.go (convertibleTo) and instantiate.go (implements).
 *
 * Identity of interfaces and generic signatures may recurse through cycles; a stack of pairs
 * under comparison (go/types' ifacePair) stops it, and a depth bound guards the rest.
 */
#include "types/types.h"

#include <string.h>

/* ---- Type identity ---- */

typedef struct Pair {
	Type *x, *y;
	struct Pair *prev;
} Pair;

typedef struct Cmp {
	bool ignore_tags;
	int depth;
	uint32_t visits;
	TypesSeen same; /* pairs found identical, recorded once a comparison grows large
	                   (shared structure stays linear; small ones never allocate) */
} Cmp;

static bool identical(Cmp *c, Type *x, Type *y, Pair *p);

static bool identical_tuple(Cmp *c, Type *x, Type *y, Pair *p)
{
	uint32_t nx = x ? x->tuple.vars.len : 0, ny = y ? y->tuple.vars.len : 0;
	if (nx != ny) return false;
	for (uint32_t i = 0; i < nx; i++)
		if (!identical(c, x->tuple.vars.data[i]->type, y->tuple.vars.data[i]->type, p)) return false;
	return true;
}

static bool same_tag(const Type *x, const Type *y, uint32_t i)
{
	const char *a = x->strct.tags ? x->strct.tags[i] : NULL, *b = y->strct.tags ? y->strct.tags[i] : NULL;
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static Arena *scratch(void)
{
	static _Thread_local Arena a;
	static _Thread_local bool init;
	if (!init) {
		arena_init(&a);
		init = true;
	}
	return &a;
}

static bool identical(Cmp *c, Type *x, Type *y, Pair *p)
{
	x = types_unalias(x);
	y = types_unalias(y);
	if (x == y) return true;
	if (!x || !y || x->kind != y->kind) return false;
	if (c->depth > 2000) return false;
	if (c->same.len && types_seen_has(&c->same, x, y)) return true;
	c->visits++;
	c->depth++;
	bool r = false;
	switch (x->kind) {
	case TY_BASIC:
		/* byte and uint8, rune and int32 are identical (same kind) */
		r = x->basic.kind == y->basic.kind;
		break;
	case TY_ARRAY:
		r = x->array.len == y->array.len && identical(c, x->array.elem, y->array.elem, p);
		break;
	case TY_SLICE:
		r = identical(c, x->slice.elem, y->slice.elem, p);
		break;
	case TY_STRUCT:
		/* same sequence of fields with the same names, types, tags and embeddedness;
		 * non-exported field names from different packages always differ */
		if (x->strct.fields.len == y->strct.fields.len) {
			r = true;
			for (uint32_t i = 0; i < x->strct.fields.len && r; i++) {
				Object *f = x->strct.fields.data[i], *g = y->strct.fields.data[i];
				r = (f->flags & VF_EMBEDDED) == (g->flags & VF_EMBEDDED) &&
				    (c->ignore_tags || same_tag(x, y, i)) && types_same_id(f, g->pkg, g->name) &&
				    identical(c, f->type, g->type, p);
			}
		}
		break;
	case TY_POINTER:
		r = identical(c, x->pointer.elem, y->pointer.elem, p);
		break;
	case TY_TUPLE:
		r = identical_tuple(c, x, y, p);
		break;
	case TY_SIGNATURE: {
		/* same number of parameters and results with identical types, both variadic or
		 * neither; generic ones: identical type parameter lists (bounds), after renaming */
		uint32_t n = x->sig.tparams.len;
		if (n != y->sig.tparams.len || x->sig.variadic != y->sig.variadic) break;
		Type *yp = y->sig.params, *yr = y->sig.results;
		if (n) {
			r = true;
			for (uint32_t i = 0; i < n && r; i++) {
				Type *by = types_subst(scratch(), y->sig.tparams.data[i]->tparam.bound, y->sig.tparams, x->sig.tparams);
				r = identical(c, x->sig.tparams.data[i]->tparam.bound, by, p);
			}
			if (!r) break;
			yp = types_subst(scratch(), yp, y->sig.tparams, x->sig.tparams);
			yr = types_subst(scratch(), yr, y->sig.tparams, x->sig.tparams);
		}
		r = identical_tuple(c, x->sig.params, yp, p) && identical_tuple(c, x->sig.results, yr, p);
		break;
	}
	case TY_UNION: {
		/* identical type sets */
		TypeSet *sx = types_union_typeset(x), *sy = types_union_typeset(y);
		r = sx->all == sy->all && sx->nterms == sy->nterms;
		for (uint32_t i = 0; i < sx->nterms && r; i++) {
			bool found = false;
			for (uint32_t j = 0; j < sy->nterms && !found; j++)
				found = sx->terms[i].tilde == sy->terms[j].tilde && identical(c, sx->terms[i].type, sy->terms[j].type, p);
			r = found;
		}
		break;
	}
	case TY_INTERFACE: {
		/* same method sets (names and identical signatures) and same type sets */
		for (Pair *q = p; q; q = q->prev)
			if ((q->x == x && q->y == y) || (q->x == y && q->y == x)) { r = true; goto done; }
		TypeSet *sx = types_typeset(x), *sy = types_typeset(y);
		if (sx->all != sy->all || sx->comparable != sy->comparable || sx->nterms != sy->nterms ||
		    sx->methods.len != sy->methods.len)
			break;
		Pair q = {x, y, p};
		r = true;
		for (uint32_t i = 0; i < sx->nterms && r; i++) {
			bool found = false;
			for (uint32_t j = 0; j < sy->nterms && !found; j++)
				found = sx->terms[i].tilde == sy->terms[j].tilde && identical(c, sx->terms[i].type, sy->terms[j].type, &q);
			r = found;
		}
		for (uint32_t i = 0; i < sx->methods.len && r; i++) {
			Object *f = sx->methods.data[i], *g = sy->methods.data[i];
			r = types_same_id(f, g->pkg, g->name) && identical(c, f->type, g->type, &q);
		}
		break;
	}
	case TY_MAP:
		r = identical(c, x->map.key, y->map.key, p) && identical(c, x->map.elem, y->map.elem, p);
		break;
	case TY_CHAN:
		r = x->chan.dir == y->chan.dir && identical(c, x->chan.elem, y->chan.elem, p);
		break;
	case TY_NAMED:
		/* two instances are identical when their origins and type arguments are */
		if (x->named.targs.len != y->named.targs.len) break;
		r = x->named.orig->named.obj == y->named.orig->named.obj;
		/* type arguments are compared strictly, tags included (go/types uses Identical) */
		for (uint32_t i = 0; i < x->named.targs.len && r; i++)
			r = c->ignore_tags ? types_identical(x->named.targs.data[i], y->named.targs.data[i])
			                   : identical(c, x->named.targs.data[i], y->named.targs.data[i], p);
		break;
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		break;
	}
done:
	c->depth--;
	if (r && c->visits > 64) types_seen_add(&c->same, x, y);
	return r;
}

bool types_identical(Type *x, Type *y)
{
	if (x == y) return true;
	Cmp c = {false, 0, 0, {0}};
	bool r = identical(&c, x, y, NULL);
	types_seen_free(&c.same);
	return r;
}

bool types_identical_ignore_tags(Type *x, Type *y)
{
	if (x == y) return true;
	Cmp c = {true, 0, 0, {0}};
	bool r = identical(&c, x, y, NULL);
	types_seen_free(&c.same);
	return r;
}

/* ---- Comparison operators ---- */

/* go/types comparableType: every type is visited once (seen is never unwound). */
typedef TypesSeen Seen;

static bool comparable_type(Type *t, bool dynamic, Seen *seen, int depth)
{
	if (!types_seen_add(seen, t, NULL)) return true;
	if (depth > 1000) return true;
	Seen *me = seen;
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC:
		return u->basic.kind != BK_UNTYPED_NIL;
	case TY_POINTER:
	case TY_CHAN:
		return true;
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->strct.fields.len; i++)
			if (!comparable_type(u->strct.fields.data[i]->type, dynamic, me, depth + 1)) return false;
		return true;
	case TY_ARRAY:
		return comparable_type(u->array.elem, dynamic, me, depth + 1);
	case TY_INTERFACE: {
		if (dynamic && !types_is_typeparam(t)) return true;
		/* type set comparable: comparable flag, or all terms strictly comparable */
		TypeSet *ts = types_typeset(u);
		if (ts->comparable) return true;
		if (ts->all) return false;
		for (uint32_t i = 0; i < ts->nterms; i++)
			if (!comparable_type(ts->terms[i].type, false, me, depth + 1)) return false;
		return true;
	}
	case TY_SLICE: case TY_MAP: case TY_SIGNATURE: case TY_UNION: case TY_TUPLE: case TY_NAMED:
	case TY_TYPEPARAM: case TY_ALIAS: case TY_COUNT:
		break;
	}
	return false;
}

/* Types whose comparability needs no walk; -1 when a walk is needed. */
static int comparable_quick(Type *t)
{
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC: return u->basic.kind != BK_UNTYPED_NIL;
	case TY_POINTER: case TY_CHAN: return 1;
	case TY_SLICE: case TY_MAP: case TY_SIGNATURE: case TY_UNION: case TY_TUPLE: return 0;
	case TY_STRUCT: case TY_ARRAY: case TY_INTERFACE: case TY_NAMED: case TY_TYPEPARAM: case TY_ALIAS:
	case TY_COUNT:
		break;
	}
	return -1;
}

bool types_comparable_type(Type *t)
{
	int q = comparable_quick(t);
	if (q >= 0) return q;
	Seen s = {0};
	bool r = comparable_type(t, true, &s, 0);
	types_seen_free(&s);
	return r;
}

bool types_strictly_comparable(Type *t)
{
	int q = comparable_quick(t);
	if (q >= 0) return q;
	Seen s = {0};
	bool r = comparable_type(t, false, &s, 0);
	types_seen_free(&s);
	return r;
}

/* allBasic-style iteration over the specific types of a type parameter (or t itself).
 * A term that is itself a type parameter (interface{ P }, rejected by the checker) fails the
 * test: following it could lead back to the first type parameter (assignability and
 * conversion recurse through the terms). */
typedef bool (*TermFn)(Type *t, Type *u, void *ctx);

static bool all_terms(Type *t, TermFn f, void *ctx)
{
	Type *x = types_unalias(t);
	if (x && x->kind == TY_TYPEPARAM) {
		TypeSet *ts = types_typeset(x->tparam.bound);
		if (ts->all) return f(NULL, NULL, ctx);
		for (uint32_t i = 0; i < ts->nterms; i++) {
			Type *tt = ts->terms[i].type, *u = types_unalias(tt);
			if (!u || u->kind == TY_TYPEPARAM) return false;
			if (!ts->terms[i].tilde) u = types_under(u);
			if (!f(tt, u, ctx)) return false;
		}
		return true;
	}
	return f(t, types_under(t), ctx);
}

static bool ordered_fn(Type *t, Type *u, void *ctx)
{
	(void)t; (void)ctx;
	return u && u->kind == TY_BASIC && (u->flags & TF_ORDERED);
}

bool types_is_ordered(Type *t) { return all_terms(t, ordered_fn, NULL); }

/* ---- Core types (go/types commonUnder with no condition) ---- */

typedef struct CoreCtx {
	Type *ct, *cu;
	bool fail;
} CoreCtx;

static bool core_fn(Type *t, Type *u, void *p)
{
	CoreCtx *c = p;
	if (!u) { c->fail = true; return false; }
	if (!c->cu) { c->ct = t; c->cu = u; return true; }
	if (c->cu->kind == TY_CHAN && u->kind == TY_CHAN) {
		if (!types_identical(c->cu->chan.elem, u->chan.elem)) { c->fail = true; return false; }
		if (c->cu->chan.dir == u->chan.dir) return true;
		if (c->cu->chan.dir == CHAN_SEND_RECV) { c->ct = t; c->cu = u; return true; }
		if (u->chan.dir != CHAN_SEND_RECV) { c->fail = true; return false; }
		return true;
	}
	if (!types_identical(c->cu, u)) { c->fail = true; return false; }
	return true;
}

Type *types_core_type(Type *t)
{
	CoreCtx c = {NULL, NULL, false};
	all_terms(t, core_fn, &c);
	return c.fail ? NULL : c.cu;
}

/* ---- Interface satisfaction (instantiate.go implements) ---- */

static bool term_includes(Term x, Type *v)
{
	if (!x.type) return true;
	Type *u = x.tilde ? types_under(v) : v;
	return types_identical(x.type, u);
}

static bool subset_of(TypeSet *s1, TypeSet *s2)
{
	if (s2->all) return true;
	if (s1->all) return false;
	for (uint32_t i = 0; i < s1->nterms; i++) {
		bool in = false;
		for (uint32_t j = 0; j < s2->nterms && !in; j++) {
			Term x = s1->terms[i], y = s2->terms[j];
			/* x ⊆ y */
			if (!y.type) in = true;
			else if (!x.type) in = false;
			else if (y.tilde) in = types_identical(types_under(x.type), y.type) || types_identical(x.type, y.type);
			else in = !x.tilde && types_identical(x.type, y.type);
		}
		if (!in) return false;
	}
	return true;
}

static bool implements(Type *v, Type *t, bool constraint)
{
	Type *vu = types_under(v), *tu = types_under(t);
	if ((vu->kind == TY_BASIC && vu->basic.kind == BK_INVALID) || (tu->kind == TY_BASIC && tu->basic.kind == BK_INVALID))
		return true;
	if (tu->kind != TY_INTERFACE) return false;
	TypeSet *tts = types_typeset(tu);
	if (tts->all && !tts->comparable && tts->methods.len == 0) return true;
	Type *vi = (vu->kind == TY_INTERFACE) ? vu : NULL;
	if (vi) {
		TypeSet *vts = types_typeset(vi);
		if (!vts->all && vts->nterms == 0) return true; /* empty type set */
	}
	if (!tts->all && tts->nterms == 0) return false;
	bool wrong = false, ptr = false;
	if (types_missing_method(scratch(), v, tu, &wrong, &ptr)) return false;
	bool comparable_ok = true;
	if (tts->comparable) {
		comparable_ok = types_strictly_comparable(v) || (constraint && types_comparable_type(v));
	}
	if (tts->all) return comparable_ok;
	if (vi) return subset_of(types_typeset(vi), tts) && comparable_ok;
	bool in = false;
	for (uint32_t i = 0; i < tts->nterms && !in; i++) in = term_includes(tts->terms[i], v);
	return in && comparable_ok;
}

bool types_implements(Type *x, Type *t) { return implements(x, t, false); }
bool types_satisfies(Type *x, Type *t) { return implements(x, t, true); }

/* ---- Assignability ---- */

static bool has_nil(Type *t);

static bool has_nil_fn(Type *t, Type *u, void *ctx)
{
	(void)t; (void)ctx;
	return u != NULL && has_nil(u);
}

static bool has_nil(Type *t)
{
	if (types_is_typeparam(t)) return all_terms(t, has_nil_fn, NULL);
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC: return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_SLICE: case TY_POINTER: case TY_SIGNATURE: case TY_MAP: case TY_CHAN: return true;
	case TY_INTERFACE: return true;
	case TY_ARRAY: case TY_STRUCT: case TY_UNION: case TY_TUPLE: case TY_NAMED: case TY_TYPEPARAM:
	case TY_ALIAS: case TY_COUNT:
		break;
	}
	return false;
}

Type *types_default(Type *t)
{
	if (!t || t->kind != TY_BASIC) return t;
	static const struct { BasicKind from; BasicKind to; } defaults[] = {
		{BK_UNTYPED_BOOL, BK_BOOL}, {BK_UNTYPED_INT, BK_INT}, {BK_UNTYPED_FLOAT, BK_FLOAT64},
		{BK_UNTYPED_COMPLEX, BK_COMPLEX128}, {BK_UNTYPED_STRING, BK_STRING},
	};
	if (t->basic.kind == BK_UNTYPED_RUNE) return types_rune;
	for (size_t i = 0; i < ARRAY_LEN(defaults); i++)
		if (t->basic.kind == defaults[i].from) return types_typ[defaults[i].to];
	return t;
}

typedef struct AssignCtx {
	Type *other;
	bool to; /* other is the target (v's terms iterate) */
} AssignCtx;

static bool assign_term(Type *t, Type *u, void *p)
{
	AssignCtx *c = p;
	(void)u;
	if (!t) return false;
	return c->to ? types_assignable(t, c->other) : types_assignable(c->other, t);
}

bool types_assignable(Type *v, Type *t)
{
	if (!v || !t) return false;
	if (types_identical(v, t)) return true;
	Type *vu = types_under(v), *tu = types_under(t);
	bool vp = types_is_typeparam(v), tp = types_is_typeparam(t);
	if (vu->kind == TY_BASIC && (vu->flags & TF_UNTYPED || vu->basic.kind == BK_UNTYPED_NIL)) {
		if (tp) {
			AssignCtx c = {v, false};
			return all_terms(t, assign_term, &c);
		}
		if (vu->basic.kind == BK_UNTYPED_NIL) return has_nil(t);
		if (tu->kind == TY_INTERFACE) return types_implements(types_default(v), t);
		if (tu->kind != TY_BASIC) return false;
		if (vu->flags & TF_BOOLEAN) return (tu->flags & TF_BOOLEAN) != 0;
		if (vu->flags & TF_STRING) return (tu->flags & TF_STRING) != 0;
		if (vu->flags & TF_NUMERIC) return (tu->flags & TF_NUMERIC) != 0; /* representability: later */
		return false;
	}
	if (types_identical(vu, tu) && (!types_has_name(v) || !types_has_name(t)) && !vp && !tp) return true;
	if (tu->kind == TY_INTERFACE && !tp) {
		if (types_implements(v, t)) return true;
		if (!vp) return false;
	}
	if (vu->kind == TY_CHAN && vu->chan.dir == CHAN_SEND_RECV && tu->kind == TY_CHAN &&
	    types_identical(vu->chan.elem, tu->chan.elem))
		return !types_has_name(v) || !types_has_name(t);
	if (!vp && !tp) return false;
	if (!types_has_name(v) && tp) {
		AssignCtx c = {v, false};
		return all_terms(t, assign_term, &c);
	}
	if (vp && !types_has_name(t)) {
		AssignCtx c = {t, true};
		return all_terms(v, assign_term, &c);
	}
	return false;
}

/* ---- Conversions (non-constant x) ---- */

static bool is_bytes_or_runes(Type *u)
{
	if (u->kind != TY_SLICE) return false;
	Type *e = types_under(u->slice.elem);
	return e->kind == TY_BASIC && (e->basic.kind == BK_UINT8 || e->basic.kind == BK_INT32);
}

static bool convertible(Type *v, Type *t, int depth);

typedef struct ConvCtx {
	Type *other;
	bool from_terms;
	int depth;
} ConvCtx;

static bool conv_term(Type *t, Type *u, void *p)
{
	ConvCtx *c = p;
	(void)u;
	if (!t) return false;
	return c->from_terms ? convertible(t, c->other, c->depth + 1) : convertible(c->other, t, c->depth + 1);
}

static bool convertible(Type *v, Type *t, int depth)
{
	if (depth > 100) return false;
	if (types_assignable(v, t)) return true;
	bool vp = types_is_typeparam(v), tp = types_is_typeparam(t);
	Type *vu = types_under(v), *tu = types_under(t);
	/* identical underlying types ignoring struct tags (type parameters excluded) */
	if (!vp && !tp && types_identical_ignore_tags(vu, tu)) return true;
	/* unnamed pointer types whose base types have identical underlying types */
	Type *v0 = types_unalias(v), *t0 = types_unalias(t);
	if (v0->kind == TY_POINTER && t0->kind == TY_POINTER) {
		Type *vb = types_under(v0->pointer.elem), *tb = types_under(t0->pointer.elem);
		if (!types_is_typeparam(v0->pointer.elem) && !types_is_typeparam(t0->pointer.elem) &&
		    types_identical_ignore_tags(vb, tb))
			return true;
	}
	if (!vp && !tp) {
		/* integer or floating-point types both, or complex types both */
		if (vu->kind == TY_BASIC && tu->kind == TY_BASIC) {
			uint32_t real = TF_INTEGER | TF_FLOAT;
			if ((vu->flags & real) && (tu->flags & real)) return true;
			if ((vu->flags & TF_COMPLEX) && (tu->flags & TF_COMPLEX)) return true;
		}
		/* string conversions */
		if (tu->kind == TY_BASIC && (tu->flags & TF_STRING)) {
			if (vu->kind == TY_BASIC && (vu->flags & TF_INTEGER)) return true;
			if (is_bytes_or_runes(vu)) return true;
		}
		if (vu->kind == TY_BASIC && (vu->flags & TF_STRING) && is_bytes_or_runes(tu)) return true;
		/* unsafe.Pointer */
		bool vup = vu->kind == TY_BASIC && vu->basic.kind == BK_UNSAFE_POINTER;
		bool tup = tu->kind == TY_BASIC && tu->basic.kind == BK_UNSAFE_POINTER;
		if ((vu->kind == TY_POINTER || (vu->kind == TY_BASIC && vu->basic.kind == BK_UINTPTR)) && tup) return true;
		if (vup && (tu->kind == TY_POINTER || (tu->kind == TY_BASIC && tu->basic.kind == BK_UINTPTR))) return true;
		/* slice to array or array pointer (Go 1.17/1.20) */
		if (vu->kind == TY_SLICE) {
			if (tu->kind == TY_ARRAY && types_identical(vu->slice.elem, tu->array.elem)) return true;
			if (tu->kind == TY_POINTER) {
				Type *a = types_under(tu->pointer.elem);
				if (a->kind == TY_ARRAY && types_identical(vu->slice.elem, a->array.elem)) return true;
			}
		}
		return false;
	}
	/* type parameters: every specific type must convert */
	if (vp && tp) {
		/* each term of v converts to each term of t */
		TypeSet *vs = types_typeset(types_unalias(v)->tparam.bound);
		if (vs->all) return false;
		for (uint32_t i = 0; i < vs->nterms; i++) {
			ConvCtx ci = {vs->terms[i].type, false, depth};
			if (!all_terms(t, conv_term, &ci)) return false;
		}
		return true;
	}
	if (vp) {
		ConvCtx c = {t, true, depth};
		return all_terms(v, conv_term, &c);
	}
	ConvCtx c = {v, false, depth};
	return all_terms(t, conv_term, &c);
}

bool types_convertible(Type *x, Type *t) { return convertible(x, t, 0); }
