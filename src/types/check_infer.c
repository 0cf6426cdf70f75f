/*
 * check_infer.c: type argument inference for calls of generic functions (go/types infer.go
 * and unify.go, the common part): function argument type inference by unifying parameter
 * types with argument types (inexact: a defined type's underlying type matches a type
 * literal), untyped constant arguments defaulted last, then constraint type inference from
 * core types (S ~[]E binds E from S). A call whose type arguments are not all inferred gets
 * no type (nothing wrong is recorded).
 */
#include "types/check.h"

static int tparam_index(TypeList tps, Type *t)
{
	if (t->kind != TY_TYPEPARAM)
		return -1;
	for (uint32_t i = 0; i < tps.len; i++)
		if (tps.data[i] == t)
			return (int)i;
	return -1;
}

static void unify(TypeList tps, Type **targs, Type *p, Type *a, int depth)
{
	if (!p || !a || depth > 64)
		return;
	p = types_unalias(p);
	int i = tparam_index(tps, p);
	if (i >= 0) {
		/* bound to the type as written (an alias stays an alias, as go/types prints it) */
		if (!targs[i] && !types_is_untyped(a))
			targs[i] = a;
		return;
	}
	a = types_unalias(a);
	if (p->kind != a->kind) {
		if (a->kind == TY_NAMED && p->kind != TY_NAMED && p->kind != TY_TYPEPARAM)
			unify(tps, targs, p, types_under(a), depth + 1);
		return;
	}
	switch (p->kind) {
	case TY_POINTER: unify(tps, targs, p->pointer.elem, a->pointer.elem, depth + 1); break;
	case TY_SLICE: unify(tps, targs, p->slice.elem, a->slice.elem, depth + 1); break;
	case TY_ARRAY: unify(tps, targs, p->array.elem, a->array.elem, depth + 1); break;
	case TY_MAP:
		unify(tps, targs, p->map.key, a->map.key, depth + 1);
		unify(tps, targs, p->map.elem, a->map.elem, depth + 1);
		break;
	case TY_CHAN: unify(tps, targs, p->chan.elem, a->chan.elem, depth + 1); break;
	case TY_SIGNATURE: {
		ObjList pp = p->sig.params->tuple.vars, ap = a->sig.params->tuple.vars;
		ObjList pr = p->sig.results->tuple.vars, ar = a->sig.results->tuple.vars;
		if (pp.len == ap.len && pr.len == ar.len) {
			for (uint32_t k = 0; k < pp.len; k++)
				unify(tps, targs, pp.data[k]->type, ap.data[k]->type, depth + 1);
			for (uint32_t k = 0; k < pr.len; k++)
				unify(tps, targs, pr.data[k]->type, ar.data[k]->type, depth + 1);
		}
		break;
	}
	case TY_NAMED:
		if (p->named.orig == a->named.orig && p->named.targs.len == a->named.targs.len)
			for (uint32_t k = 0; k < p->named.targs.len; k++)
				unify(tps, targs, p->named.targs.data[k], a->named.targs.data[k], depth + 1);
		break;
	case TY_STRUCT:
		if (p->strct.fields.len == a->strct.fields.len)
			for (uint32_t k = 0; k < p->strct.fields.len; k++)
				unify(tps, targs, p->strct.fields.data[k]->type, a->strct.fields.data[k]->type, depth + 1);
		break;
	case TY_BASIC:
	case TY_INTERFACE:
	case TY_UNION:
	case TY_TUPLE:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		break;
	}
}

/* Whether t mentions a type parameter of tps still unbound. */
static bool mentions_unbound(TypeList tps, Type **targs, Type *t, int depth)
{
	if (!t || depth > 64)
		return true;
	t = types_unalias(t);
	int i = tparam_index(tps, t);
	if (i >= 0)
		return targs[i] == NULL;
	switch (t->kind) {
	case TY_POINTER: return mentions_unbound(tps, targs, t->pointer.elem, depth + 1);
	case TY_SLICE: return mentions_unbound(tps, targs, t->slice.elem, depth + 1);
	case TY_ARRAY: return mentions_unbound(tps, targs, t->array.elem, depth + 1);
	case TY_CHAN: return mentions_unbound(tps, targs, t->chan.elem, depth + 1);
	case TY_MAP:
		return mentions_unbound(tps, targs, t->map.key, depth + 1) || mentions_unbound(tps, targs, t->map.elem, depth + 1);
	case TY_NAMED:
		for (uint32_t k = 0; k < t->named.targs.len; k++)
			if (mentions_unbound(tps, targs, t->named.targs.data[k], depth + 1))
				return true;
		return false;
	case TY_SIGNATURE: {
		ObjList ps = t->sig.params->tuple.vars, rs = t->sig.results->tuple.vars;
		for (uint32_t k = 0; k < ps.len; k++)
			if (mentions_unbound(tps, targs, ps.data[k]->type, depth + 1))
				return true;
		for (uint32_t k = 0; k < rs.len; k++)
			if (mentions_unbound(tps, targs, rs.data[k]->type, depth + 1))
				return true;
		return false;
	}
	case TY_STRUCT:
		for (uint32_t k = 0; k < t->strct.fields.len; k++)
			if (mentions_unbound(tps, targs, t->strct.fields.data[k]->type, depth + 1))
				return true;
		return false;
	case TY_BASIC:
		return false;
	case TY_INTERFACE:
	case TY_UNION:
	case TY_TUPLE:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		return true; /* not handled: give up */
	}
	return true;
}

/* The single tilde/plain term's type of a constraint with one term (its core type). */
static Type *bound_core(Type *bound, bool *tilde)
{
	Type *u = types_under(bound);
	*tilde = false;
	if (u->kind != TY_INTERFACE || u->iface.embeddeds.len != 1)
		return NULL;
	Type *e = u->iface.embeddeds.data[0];
	if (e->kind == TY_UNION) {
		if (e->uni.len != 1)
			return NULL;
		*tilde = e->uni.terms[0].tilde;
		return e->uni.terms[0].type;
	}
	e = types_unalias(e);
	return e->kind == TY_INTERFACE || e->kind == TY_NAMED ? NULL : e;
}

/* Infers the type arguments of sig (generic) for a call with the given argument operands;
 * targs[0..given) may be preset (explicit instantiation). Returns the instantiated
 * signature, or NULL. */
Type *check_infer(Checker *c, Type *sig, Type **targs, Operand *args, uint32_t nargs, bool ddd)
{
	TypeList tps = sig->sig.tparams;
	ObjList ps = sig->sig.params->tuple.vars;
	bool variadic = sig->sig.variadic;
	for (uint32_t i = 0; i < nargs; i++) {
		if (!args[i].type || args[i].mode == OP_INVALID || args[i].mode == OP_TYPE || args[i].mode == OP_NIL)
			continue;
		Type *pt;
		if (variadic && i + 1 >= ps.len && !ddd) {
			if (ps.len == 0)
				return NULL;
			Type *last = types_unalias(ps.data[ps.len - 1]->type);
			if (last->kind != TY_SLICE)
				return NULL;
			pt = last->slice.elem;
		} else if (i < ps.len) {
			pt = ps.data[i]->type;
		} else {
			return NULL;
		}
		Type *au = types_under(args[i].type);
		if (args[i].type->kind == TY_TUPLE || (au->kind == TY_SIGNATURE && au->sig.tparams.len))
			return NULL; /* multi-value or generic function arguments: not inferred here */
		unify(tps, targs, pt, args[i].type, 0);
	}
	/* constraint type inference, a few rounds */
	for (int round = 0; round < 4; round++) {
		for (uint32_t k = 0; k < tps.len; k++) {
			bool tilde;
			Type *core = bound_core(tps.data[k]->tparam.bound, &tilde);
			if (!core)
				continue;
			if (targs[k]) {
				Type *tu = types_core_type(targs[k]);
				if (tu)
					unify(tps, targs, core, tu, 0);
			} else if (!tilde && !mentions_unbound(tps, targs, core, 0)) {
				targs[k] = types_subst(c->a, core, tps, (TypeList){targs, tps.len});
			}
		}
	}
	/* untyped constants: the default type of the largest kind */
	for (uint32_t i = 0; i < nargs; i++) {
		if (!args[i].type || !types_is_untyped(args[i].type) || args[i].mode == OP_NIL)
			continue;
		Type *pt = i < ps.len ? types_unalias(ps.data[i]->type) : NULL;
		if (variadic && i + 1 >= ps.len && ps.len && !ddd) {
			Type *last = types_unalias(ps.data[ps.len - 1]->type);
			pt = last->kind == TY_SLICE ? types_unalias(last->slice.elem) : NULL;
		}
		int k = pt ? tparam_index(tps, pt) : -1;
		if (k < 0 || targs[k])
			continue;
		/* the largest untyped kind among the arguments for this type parameter */
		Type *best = args[i].type;
		for (uint32_t j = i + 1; j < nargs; j++) {
			Type *pj = j < ps.len ? types_unalias(ps.data[j]->type) : pt;
			if (pj == pt && args[j].type && types_is_untyped(args[j].type) && args[j].type->kind == TY_BASIC &&
			    args[j].type->basic.kind > best->basic.kind)
				best = args[j].type;
		}
		targs[k] = types_default(best);
	}
	for (uint32_t k = 0; k < tps.len; k++)
		if (!targs[k] || targs[k] == types_typ[BK_INVALID])
			return NULL;
	return types_instantiate(c->a, sig, targs, tps.len);
}
