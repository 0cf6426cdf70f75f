/*
 * check_infer.c: type argument inference for calls of generic functions, after go/types
 * infer.go and unify.go. The callee's type parameters are renamed (a recursive call inside
 * a generic function unifies its own parameters with fresh ones), and an argument that is
 * itself a generic function adds its type parameters to the ones inferred (reverse
 * inference, `lo.Partial(lo.HasKey, m)`). The unifier is symmetric: type parameters share
 * a handle once joined; inexact unification (the arguments' top level) matches a defined
 * type with a type literal through its underlying type and then prefers the defined type,
 * and an interface parameter type matches a concrete argument through its methods. Then
 * constraint type inference (core types and constraint methods), untyped constant
 * arguments defaulted last, and substitution of the inferred types into each other.
 * Anything not understood fails the inference: the call gets no type (nothing wrong is
 * recorded).
 */
#include <string.h>

#include "types/check.h"

enum { U_ASSIGN = 1, U_EXACT = 2 };

typedef struct Unifier {
	Arena *a;
	Type **tps;      /* the type parameters being inferred */
	uint32_t n;
	uint32_t *h;     /* handle of each type parameter: an index into slot */
	Type **slot;     /* inferred types (NULL: not yet) */
	int depth;
} Unifier;

static bool is_value_mode(OpMode m) { return m == OP_VALUE || m == OP_VAR; }

static int bound_index(Unifier *u, Type *t)
{
	t = types_unalias(t);
	if (!t || t->kind != TY_TYPEPARAM)
		return -1;
	for (uint32_t i = 0; i < u->n; i++)
		if (u->tps[i] == t)
			return (int)i;
	return -1;
}

static Type *at(Unifier *u, int i) { return u->slot[u->h[i]]; }
static void set(Unifier *u, int i, Type *t) { u->slot[u->h[i]] = t; }

static bool join(Unifier *u, int x, int y)
{
	uint32_t hx = u->h[x], hy = u->h[y];
	if (hx == hy)
		return true;
	if (u->slot[hx] && u->slot[hy])
		return false;
	uint32_t from = hx, to = hy;
	if (u->slot[hx]) {
		from = hy;
		to = hx;
	}
	for (uint32_t k = 0; k < u->n; k++)
		if (u->h[k] == from)
			u->h[k] = to;
	return true;
}

static bool is_named(Type *t) { return types_unalias(t)->kind == TY_NAMED; }

static bool is_type_lit(Type *t)
{
	Type *x = types_unalias(t);
	return x->kind != TY_NAMED && x->kind != TY_TYPEPARAM;
}

/* the underlying interface of a non-type-parameter, or NULL */
static Type *as_interface(Type *t)
{
	Type *x = types_unalias(t);
	if (x->kind == TY_TYPEPARAM)
		return NULL;
	Type *un = types_under(x);
	return un->kind == TY_INTERFACE ? un : NULL;
}

static bool nify(Unifier *u, Type *x, Type *y, int mode);

static bool nify_tuple(Unifier *u, Type *x, Type *y, int mode)
{
	ObjList xv = x->tuple.vars, yv = y->tuple.vars;
	if (xv.len != yv.len)
		return false;
	for (uint32_t i = 0; i < xv.len; i++)
		if (!nify(u, xv.data[i]->type, yv.data[i]->type, mode))
			return false;
	return true;
}

static bool same_terms(TypeSet *a, TypeSet *b)
{
	if (a->all || b->all)
		return a->all == b->all;
	if (a->nterms != b->nterms)
		return false;
	for (uint32_t i = 0; i < a->nterms; i++) {
		bool found = false;
		for (uint32_t j = 0; j < b->nterms && !found; j++)
			found = a->terms[i].tilde == b->terms[j].tilde && a->terms[i].type && b->terms[j].type &&
			        types_identical(a->terms[i].type, b->terms[j].type);
		if (!found)
			return false;
	}
	return true;
}

static bool nify_inner(Unifier *u, Type *x, Type *y, int mode)
{
	if (!x || !y)
		return false;
	if (x == y || types_unalias(x) == types_unalias(y))
		return true;
	/* a defined type in y, a bound type parameter in x */
	if (is_named(x) || bound_index(u, y) >= 0) {
		Type *t = x;
		x = y;
		y = t;
	}
	if (!(mode & U_EXACT) && is_named(y) && is_type_lit(x) && !as_interface(x)) {
		y = types_under(y);
		if (x == y || types_unalias(x) == y)
			return true;
	}
	int px = bound_index(u, x), py = bound_index(u, y);
	if (px >= 0 && py >= 0) {
		if (join(u, px, py))
			return true;
		return nify(u, at(u, px), at(u, py), mode);
	}
	if (px >= 0) {
		Type *xt = at(u, px);
		if (!xt) {
			set(u, px, y);
			return true;
		}
		if (!nify(u, xt, y, mode))
			return false;
		Type *xi = as_interface(xt), *yi = as_interface(y);
		bool xn = is_named(xt), yn = is_named(y);
		if (xi && yi) {
			if (xn && yn)
				return types_identical(xt, y);
			if (types_typeset(xi)->methods.len != types_typeset(yi)->methods.len)
				return false;
		} else if (xi || yi) {
			return false;
		}
		if (!(mode & U_EXACT)) {
			if (xn) {
				/* x is a defined type: keep it */
			} else if (yn) {
				set(u, px, y);
			} else {
				Type *yc = types_under(y);
				if (yc->kind == TY_CHAN && yc->chan.dir != CHAN_SEND_RECV)
					set(u, px, y);
			}
		}
		return true;
	}
	/* interface inference: methods shared with an interface unify */
	if (!(mode & U_EXACT)) {
		Type *xi = as_interface(x), *yi = as_interface(y);
		if (xi && yi) {
			TypeSet *xs = types_typeset(xi), *ys = types_typeset(yi);
			if (xs->comparable != ys->comparable || !same_terms(xs, ys))
				return false;
			ObjList xm = xs->methods, ym = ys->methods;
			if (xm.len > ym.len) {
				ObjList t = xm;
				xm = ym;
				ym = t;
			}
			for (uint32_t i = 0; i < xm.len; i++) {
				Object *f = NULL;
				for (uint32_t j = 0; j < ym.len && !f; j++)
					if (types_same_id(ym.data[j], xm.data[i]->pkg, xm.data[i]->name))
						f = ym.data[j];
				if (!f || !nify(u, xm.data[i]->type, f->type, U_EXACT))
					return false;
			}
			return true;
		}
		if (yi) {
			xi = yi;
			y = x;
		}
		if (xi) {
			ObjList ms = types_typeset(xi)->methods;
			for (uint32_t i = 0; i < ms.len; i++) {
				LookupResult r = types_lookup_field_or_method(u->a, y, false, ms.data[i]->pkg, ms.data[i]->name);
				if (!r.obj || r.obj->kind != OBJ_FUNC || !nify(u, ms.data[i]->type, r.obj->type, U_EXACT))
					return false;
			}
			return true;
		}
	}
	/* an unbound type parameter in x */
	if (types_unalias(y)->kind == TY_TYPEPARAM) {
		Type *t = x;
		x = y;
		y = t;
	}
	int emode = mode & U_ASSIGN ? mode | U_EXACT : mode;
	Type *yorig = y;
	x = types_unalias(x);
	y = types_unalias(y);
	switch (x->kind) {
	case TY_BASIC: return y->kind == TY_BASIC && x->basic.kind == y->basic.kind;
	case TY_ARRAY:
		return y->kind == TY_ARRAY && (x->array.len < 0 || y->array.len < 0 || x->array.len == y->array.len) &&
		       nify(u, x->array.elem, y->array.elem, emode);
	case TY_SLICE: return y->kind == TY_SLICE && nify(u, x->slice.elem, y->slice.elem, emode);
	case TY_POINTER: return y->kind == TY_POINTER && nify(u, x->pointer.elem, y->pointer.elem, emode);
	case TY_MAP:
		return y->kind == TY_MAP && nify(u, x->map.key, y->map.key, emode) && nify(u, x->map.elem, y->map.elem, emode);
	case TY_CHAN:
		return y->kind == TY_CHAN && (!(mode & U_EXACT) || x->chan.dir == y->chan.dir) &&
		       nify(u, x->chan.elem, y->chan.elem, emode);
	case TY_STRUCT: {
		if (y->kind != TY_STRUCT || x->strct.fields.len != y->strct.fields.len)
			return false;
		for (uint32_t i = 0; i < x->strct.fields.len; i++) {
			Object *f = x->strct.fields.data[i], *g = y->strct.fields.data[i];
			const char *ft = x->strct.tags ? x->strct.tags[i] : NULL, *gt = y->strct.tags ? y->strct.tags[i] : NULL;
			if (((f->flags ^ g->flags) & VF_EMBEDDED) || strcmp(ft ? ft : "", gt ? gt : "") != 0 ||
			    !types_same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type, emode))
				return false;
		}
		return true;
	}
	case TY_TUPLE: return y->kind == TY_TUPLE && nify_tuple(u, x, y, mode);
	case TY_SIGNATURE:
		return y->kind == TY_SIGNATURE && x->sig.variadic == y->sig.variadic &&
		       nify_tuple(u, x->sig.params, y->sig.params, emode) && nify_tuple(u, x->sig.results, y->sig.results, emode);
	case TY_INTERFACE: {
		if (y->kind != TY_INTERFACE)
			return false;
		TypeSet *xs = types_typeset(x), *ys = types_typeset(y);
		if (xs->comparable != ys->comparable || !same_terms(xs, ys) || xs->methods.len != ys->methods.len)
			return false;
		for (uint32_t i = 0; i < xs->methods.len; i++) {
			Object *f = xs->methods.data[i], *g = ys->methods.data[i];
			if (!types_same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type, U_EXACT))
				return false;
		}
		return true;
	}
	case TY_NAMED: {
		if (y->kind != TY_NAMED || x->named.targs.len != y->named.targs.len)
			return false;
		for (uint32_t i = 0; i < x->named.targs.len; i++)
			if (!nify(u, x->named.targs.data[i], y->named.targs.data[i], mode))
				return false;
		return x->named.orig == y->named.orig;
	}
	case TY_TYPEPARAM: {
		/* an unbound type parameter: its core type, if any, against y */
		Type *cx = types_core_type(x);
		if (cx)
			return nify(u, cx, yorig, U_ASSIGN);
		return false;
	}
	case TY_UNION:
	case TY_ALIAS:
	case TY_COUNT:
		return false;
	}
	return false;
}

static bool nify(Unifier *u, Type *x, Type *y, int mode)
{
	if (u->depth > 50)
		return false;
	u->depth++;
	bool ok = nify_inner(u, x, y, mode);
	u->depth--;
	return ok;
}

/* Whether t mentions one of the type parameters being inferred. */
static bool parameterized(Unifier *u, Type *t, int depth)
{
	if (!t)
		return false;
	if (depth > 64)
		return true;
	Type *x = types_unalias(t);
	if (x != t && t->kind == TY_ALIAS)
		for (uint32_t k = 0; k < t->alias.targs.len; k++)
			if (parameterized(u, t->alias.targs.data[k], depth + 1))
				return true;
	t = x;
	switch (t->kind) {
	case TY_TYPEPARAM: return bound_index(u, t) >= 0;
	case TY_POINTER: return parameterized(u, t->pointer.elem, depth + 1);
	case TY_SLICE: return parameterized(u, t->slice.elem, depth + 1);
	case TY_ARRAY: return parameterized(u, t->array.elem, depth + 1);
	case TY_CHAN: return parameterized(u, t->chan.elem, depth + 1);
	case TY_MAP: return parameterized(u, t->map.key, depth + 1) || parameterized(u, t->map.elem, depth + 1);
	case TY_NAMED:
		for (uint32_t k = 0; k < t->named.targs.len; k++)
			if (parameterized(u, t->named.targs.data[k], depth + 1))
				return true;
		return false;
	case TY_TUPLE:
		for (uint32_t k = 0; k < t->tuple.vars.len; k++)
			if (parameterized(u, t->tuple.vars.data[k]->type, depth + 1))
				return true;
		return false;
	case TY_SIGNATURE: return parameterized(u, t->sig.params, depth + 1) || parameterized(u, t->sig.results, depth + 1);
	case TY_STRUCT:
		for (uint32_t k = 0; k < t->strct.fields.len; k++)
			if (parameterized(u, t->strct.fields.data[k]->type, depth + 1))
				return true;
		return false;
	case TY_INTERFACE:
		for (uint32_t k = 0; k < t->iface.methods.len; k++)
			if (parameterized(u, t->iface.methods.data[k]->type, depth + 1))
				return true;
		for (uint32_t k = 0; k < t->iface.embeddeds.len; k++)
			if (parameterized(u, t->iface.embeddeds.data[k], depth + 1))
				return true;
		return false;
	case TY_UNION:
		for (uint32_t k = 0; k < t->uni.len; k++)
			if (parameterized(u, t->uni.terms[k].type, depth + 1))
				return true;
		return false;
	case TY_BASIC:
		return false;
	case TY_ALIAS:
	case TY_COUNT:
		return true;
	}
	return true;
}

/* go/types coreTerm: the single term of a type parameter's constraint (*single), or its
 * core type with tilde set when any term has one; NULL when neither. */
static Type *core_term(Type *tpar, bool *tilde, bool *single)
{
	TypeSet *ts = types_typeset(types_under(tpar->tparam.bound));
	*tilde = *single = false;
	if (!ts->all && ts->nterms == 1 && ts->terms[0].type) {
		*tilde = ts->terms[0].tilde;
		*single = true;
		return ts->terms[0].type;
	}
	if (ts->all)
		return NULL;
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (ts->terms[i].tilde)
			*tilde = true;
	return types_core_type(tpar);
}

/* fresh type parameters for tps (same names, bounds renamed) into out */
static void rename_tparams(Arena *a, TypeList tps, Type **out)
{
	for (uint32_t i = 0; i < tps.len; i++) {
		Object *o = tps.data[i]->tparam.obj;
		Object *tn = types_new_typename(a, o ? o->pkg : NULL, o ? o->pos : (Pos){0}, o ? o->name : types_name_blank, NULL);
		out[i] = types_new_typeparam(a, tn, NULL);
		out[i]->tparam.index = tps.data[i]->tparam.index;
	}
	for (uint32_t i = 0; i < tps.len; i++)
		out[i]->tparam.bound = types_subst(a, tps.data[i]->tparam.bound, tps, (TypeList){out, tps.len});
}

/* the larger of two untyped numeric kinds (go/types maxType), NULL when they do not mix */
static Type *max_untyped(Type *x, Type *y)
{
	if (types_is_numeric(x) && types_is_numeric(y))
		return x->basic.kind >= y->basic.kind ? x : y;
	return x->kind == TY_BASIC && y->kind == TY_BASIC && x->basic.kind == y->basic.kind ? x : NULL;
}

/* Infers the type arguments of sig (generic) for a call with the given argument operands;
 * targs[0..given) may be preset (explicit instantiation). Returns the instantiated
 * signature, or NULL. */
Type *check_infer(Checker *c, Type *sig, Type **targs, Operand *args, uint32_t nargs, bool ddd)
{
	Arena *a = c->a;
	TypeList stps = sig->sig.tparams;
	uint32_t n = stps.len;
	ObjList ps = sig->sig.params->tuple.vars;
	bool variadic = sig->sig.variadic;
	if (n == 0)
		return NULL;
	/* the parameter type for each argument */
	if (variadic && !ddd ? nargs + 1 < ps.len : nargs != ps.len)
		return NULL;
	uint32_t total = n;
	for (uint32_t i = 0; i < nargs; i++) {
		Type *at0 = args[i].type;
		if (at0 && at0->kind == TY_SIGNATURE && at0->sig.tparams.len && is_value_mode(args[i].mode))
			total += at0->sig.tparams.len;
	}
	Unifier u = {a, ARENA_ARRAY(a, Type *, total), 0, ARENA_ARRAY(a, uint32_t, total), ARENA_ARRAY(a, Type *, total), 0};
	rename_tparams(a, stps, u.tps);
	u.n = n;
	Type **ptypes = ARENA_ARRAY(a, Type *, nargs ? nargs : 1);
	Type **atypes = ARENA_ARRAY(a, Type *, nargs ? nargs : 1);
	TypeList renamed = {u.tps, n};
	for (uint32_t i = 0; i < nargs; i++) {
		Type *pt;
		if (variadic && !ddd && i + 1 >= ps.len) {
			Type *last = types_unalias(ps.data[ps.len - 1]->type);
			if (last->kind != TY_SLICE)
				return NULL;
			pt = last->slice.elem;
		} else {
			pt = ps.data[i]->type;
		}
		ptypes[i] = types_subst(a, pt, stps, renamed);
		atypes[i] = args[i].type;
	}
	/* generic function arguments: their type parameters are inferred too */
	for (uint32_t i = 0; i < nargs; i++) {
		Type *at0 = atypes[i];
		if (!(at0 && at0->kind == TY_SIGNATURE && at0->sig.tparams.len && is_value_mode(args[i].mode)))
			continue;
		TypeList atps = at0->sig.tparams;
		Type **fresh = u.tps + u.n;
		rename_tparams(a, atps, fresh);
		Type *s = types_new_signature(a, NULL, types_subst(a, at0->sig.params, atps, (TypeList){fresh, atps.len}),
		                              types_subst(a, at0->sig.results, atps, (TypeList){fresh, atps.len}), at0->sig.variadic);
		atypes[i] = s;
		for (uint32_t k = 0; k < atps.len; k++)
			u.slot[u.n + k] = k < args[i].ntargs ? args[i].targs[k] : NULL;
		u.n += atps.len;
	}
	for (uint32_t k = 0; k < u.n; k++) {
		u.h[k] = k;
		if (k < n)
			u.slot[k] = targs[k];
	}
	/* function arguments */
	int32_t *untyped = ARENA_ARRAY(a, int32_t, nargs ? nargs : 1);
	uint32_t nuntyped = 0;
	for (uint32_t i = 0; i < nargs; i++) {
		if (!atypes[i] || args[i].mode == OP_INVALID || args[i].mode == OP_TYPE || args[i].mode == OP_NOVALUE)
			continue; /* not known here: inferred from the others, if they suffice */
		if (atypes[i]->kind == TY_TUPLE)
			return NULL;
		if (!parameterized(&u, ptypes[i], 0) && !parameterized(&u, atypes[i], 0))
			continue;
		if (types_is_typed(atypes[i])) {
			if (!nify(&u, ptypes[i], atypes[i], U_ASSIGN))
				return NULL;
		} else if (ptypes[i]->kind == TY_TYPEPARAM && args[i].mode != OP_NIL) {
			untyped[nuntyped++] = (int32_t)i;
		}
	}
	/* constraint type inference, while it makes progress */
	for (int round = 0; round < 16; round++) {
		uint32_t unknown = 0;
		for (uint32_t k = 0; k < u.n; k++)
			unknown += at(&u, (int)k) == NULL;
		for (uint32_t k = 0; k < u.n; k++) {
			Type *tpar = u.tps[k], *tx = at(&u, (int)k);
			bool tilde, single;
			Type *core = core_term(tpar, &tilde, &single);
			if (core) {
				if (tx) {
					if (!nify(&u, tx, core, 0))
						return NULL;
				} else if (single && !tilde) {
					set(&u, (int)k, core);
				}
			}
			if (tx && !parameterized(&u, tx, 0)) {
				ObjList ms = types_typeset(types_under(tpar->tparam.bound))->methods;
				/* a missing or different method does not stop inference here: the type
				 * argument then fails verification with types2's message (T (type X)
				 * does not satisfy C (missing method M)) */
				for (uint32_t j = 0; j < ms.len; j++) {
					LookupResult r = types_lookup_field_or_method(a, tx, false, ms.data[j]->pkg, ms.data[j]->name);
					if (r.obj && r.obj->kind == OBJ_FUNC)
						(void)nify(&u, ms.data[j]->type, r.obj->type, U_EXACT);
				}
			}
		}
		uint32_t now = 0;
		for (uint32_t k = 0; k < u.n; k++)
			now += at(&u, (int)k) == NULL;
		if (now == unknown)
			break;
	}
	/* untyped constants: the default type of the largest kind per type parameter */
	for (uint32_t i = 0; i < nuntyped; i++) {
		int k = bound_index(&u, ptypes[untyped[i]]);
		if (k < 0 || at(&u, k))
			continue;
		Type *best = atypes[untyped[i]];
		for (uint32_t j = i + 1; j < nuntyped; j++) {
			if (bound_index(&u, ptypes[untyped[j]]) == k || (bound_index(&u, ptypes[untyped[j]]) >= 0 &&
			                                                  u.h[bound_index(&u, ptypes[untyped[j]])] == u.h[k])) {
				best = max_untyped(best, atypes[untyped[j]]);
				if (!best)
					return NULL;
			}
		}
		set(&u, k, types_default(best));
	}
	/* the inferred types, substituted into each other until nothing changes */
	Type **inf = ARENA_ARRAY(a, Type *, u.n);
	for (uint32_t k = 0; k < u.n; k++)
		inf[k] = at(&u, (int)k);
	TypeList all = {u.tps, u.n};
	Type **cur = ARENA_ARRAY(a, Type *, u.n);
	for (int round = 0; round < 8; round++) {
		bool changed = false;
		for (uint32_t k = 0; k < u.n; k++) {
			if (!inf[k] || (k < n && targs[k]))
				continue;
			if (types_unalias(inf[k]) == u.tps[k]) {
				inf[k] = NULL; /* a cycle */
				continue;
			}
			for (uint32_t j = 0; j < u.n; j++)
				cur[j] = inf[j] ? inf[j] : u.tps[j];
			Type *t1 = types_subst(a, inf[k], all, (TypeList){cur, u.n});
			if (t1 != inf[k]) {
				inf[k] = t1;
				changed = true;
			}
		}
		if (!changed)
			break;
	}
	for (uint32_t k = 0; k < u.n; k++)
		if (!inf[k] || inf[k] == types_typ[BK_INVALID] || parameterized(&u, inf[k], 0))
			return NULL;
	for (uint32_t k = 0; k < n; k++)
		targs[k] = inf[k];
	return types_instantiate(a, sig, targs, n);
}
