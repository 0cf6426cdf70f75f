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
