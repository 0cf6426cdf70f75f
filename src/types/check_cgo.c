/*
 * check_cgo.c: what the checker knows of cgo's pseudo-package "C" without running cgo.
 *
 * "C" is a fake package (go/types FakeImportC, see cmd_types.c): C.x is an invalid operand and
 * whatever is built from it has an unknown type, never an error. Two things are known without
 * the C declarations, and are given their types here because Go code around C calls uses them:
 *   - the results of cgo's Go-side helpers: C.GoString and C.GoStringN return string, C.GoBytes
 *     []byte, C.CBytes and C.malloc unsafe.Pointer (cmd/cgo's documentation; C.CString's
 *     *C.char is a C type, unknown);
 *   - a C function called for two values (v, err := C.f(...)) returns errno as an error as its
 *     second value (except C.malloc, which cgo does not allow so).
 * And the types made from C.x are invalid or defined from the invalid type: the dumps leave
 * them out (check_mentions_invalid) and their sizes are not known (check_size_unknown).
 */
#include "types/check.h"

#include <string.h>

/* The name x when fun is C.x (the "C" of a cgo file), NULL otherwise. */
static Name *cgo_member(Checker *c, Expr *fun)
{
	fun = syn_unparen(fun);
	if (!fun || fun->kind != EXPR_SELECTOR || fun->selector.x->kind != EXPR_IDENT)
		return NULL;
	Object *p = check_lookup(c, fun->selector.x->ident.name);
	if (!p || p->kind != OBJ_PKGNAME || !p->pkgname.imported)
		return NULL;
	Package *ip = p->pkgname.imported;
	if (!ip->fake || strcmp(ip->path, "C") != 0)
		return NULL;
	return fun->selector.sel->ident.name;
}

static bool is(Name *n, const char *s) { return n && strcmp(n->s, s) == 0; }

Type *check_cgo_result(Checker *c, Expr *fun)
{
	Name *n = cgo_member(c, fun);
	if (!n)
		return NULL;
	if (is(n, "GoString") || is(n, "GoStringN"))
		return types_typ[BK_STRING];
	if (is(n, "GoBytes"))
		return types_new_slice(c->a, types_byte);
	if (is(n, "CBytes") || is(n, "malloc"))
		return types_typ[BK_UNSAFE_POINTER];
	return NULL;
}

bool check_cgo_errno_call(Checker *c, Expr *e)
{
	e = syn_unparen(e);
	if (!e || e->kind != EXPR_CALL)
		return false;
	Name *n = cgo_member(c, e->call.fun);
	return n && !is(n, "malloc");
}

/* Whether t prints "invalid type" somewhere (a type made from cgo's C.x, which go/types with
 * FakeImportC calls invalid, or from erroneous code): the object's type is not known then,
 * and it is left out of the dumps. Named types and aliases print by name: their type
 * arguments only are looked at. */
static bool mentions_invalid(Type *t, int depth);

static bool tparams_mention_invalid(TypeList tps, int depth)
{
	for (uint32_t i = 0; i < tps.len; i++)
		if (tps.data[i]->kind == TY_TYPEPARAM && mentions_invalid(tps.data[i]->tparam.bound, depth + 1))
			return true;
	return false;
}

static bool mentions_invalid(Type *t, int depth)
{
	if (!t || depth > 100)
		return true;
	switch (t->kind) {
	case TY_BASIC: return t->basic.kind == BK_INVALID;
	case TY_POINTER: return mentions_invalid(t->pointer.elem, depth + 1);
	case TY_SLICE: return mentions_invalid(t->slice.elem, depth + 1);
	case TY_ARRAY: return mentions_invalid(t->array.elem, depth + 1);
	case TY_MAP: return mentions_invalid(t->map.key, depth + 1) || mentions_invalid(t->map.elem, depth + 1);
	case TY_CHAN: return mentions_invalid(t->chan.elem, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++)
			if (mentions_invalid(t->strct.fields.data[i]->type, depth + 1))
				return true;
		return false;
	case TY_SIGNATURE:
		return tparams_mention_invalid(t->sig.tparams, depth) || mentions_invalid(t->sig.params, depth + 1) ||
		       mentions_invalid(t->sig.results, depth + 1);
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.vars.len; i++)
			if (mentions_invalid(t->tuple.vars.data[i]->type, depth + 1))
				return true;
		return false;
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.methods.len; i++)
			if (mentions_invalid(t->iface.methods.data[i]->type, depth + 1))
				return true;
		for (uint32_t i = 0; i < t->iface.embeddeds.len; i++)
			if (mentions_invalid(t->iface.embeddeds.data[i], depth + 1))
				return true;
		return false;
	case TY_UNION:
		for (uint32_t i = 0; i < t->uni.len; i++)
			if (mentions_invalid(t->uni.terms[i].type, depth + 1))
				return true;
		return false;
	case TY_NAMED:
		if (t->named.orig == t && tparams_mention_invalid(t->named.tparams, depth)) /* printed with its constraints */
			return true;
		for (uint32_t i = 0; i < t->named.targs.len; i++)
			if (mentions_invalid(t->named.targs.data[i], depth + 1))
				return true;
		return false;
	case TY_ALIAS:
		for (uint32_t i = 0; i < t->alias.targs.len; i++)
			if (mentions_invalid(t->alias.targs.data[i], depth + 1))
				return true;
		return false;
	case TY_TYPEPARAM: return false;
	case TY_COUNT: return true;
	}
	return true;
}

bool check_mentions_invalid(Type *t) { return mentions_invalid(t, 0); }

/* Whether t's size is not known: its underlying type is, or holds in place, the invalid type
 * (a C type in a cgo file): unsafe.Sizeof and the like are then not constants we know. */
static bool size_unknown(Type *t, int depth)
{
	if (!t || depth > 100)
		return true;
	Type *u = types_under(t);
	if (!u)
		return true;
	switch (u->kind) {
	case TY_BASIC: return u->basic.kind == BK_INVALID;
	case TY_ARRAY: return size_unknown(u->array.elem, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->strct.fields.len; i++)
			if (size_unknown(u->strct.fields.data[i]->type, depth + 1))
				return true;
		return false;
	case TY_POINTER:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
	case TY_SIGNATURE:
	case TY_INTERFACE:
	case TY_TYPEPARAM: return false;
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_ALIAS:
	case TY_COUNT: return true;
	}
	return true;
}

bool check_size_unknown(Type *t) { return size_unknown(t, 0); }
