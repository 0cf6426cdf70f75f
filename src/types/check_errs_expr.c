/*
 * check_errs_expr.c: errors of selectors, calls of non-functions, index and slice
 * expressions, as types2 reports them (call.go selector, lookupError; index.go).
 *
 * Called by check_body.c where its evaluation fails or before it goes on; nothing is reported
 * when a type involved is unknown or a type parameter (their type sets need the full rules).
 */
#include "types/check.h"

#include <ctype.h>
#include <string.h>

#define INVALID_OP "invalid operation: "

static bool unknown_type(Type *t)
{
	if (!t || t == check_invalid())
		return true;
	Type *u = types_unalias(t);
	if (!u || u->kind == TY_TYPEPARAM)
		return true;
	if (u->kind == TY_POINTER) {
		Type *b = types_unalias(u->pointer.elem);
		if (!b || b->kind == TY_TYPEPARAM)
			return true;
	}
	return false;
}

static bool equal_fold(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return !*a && !*b;
}

static bool is_exported_s(const char *s) { return s[0] >= 'A' && s[0] <= 'Z'; }

/* Fields and methods reachable from t (through embedded fields, a few levels deep) whose name
 * equals sel ignoring case: candidates for lookupFieldOrMethod(foldCase=true). */
typedef Vec(Object *) ObjVec;
typedef Vec(Type *) TypeVec;

static void fold_candidates(Checker *c, Type *t, const char *sel, ObjVec *out, TypeVec *seen, int depth)
{
	if (!t || depth > 6 || out->len > 16)
		return;
	Type *u0 = types_unalias(t);
	if (u0 && u0->kind == TY_POINTER)
		t = u0->pointer.elem;
	Type *nt = types_unalias(t);
	if (!nt)
		return;
	for (size_t i = 0; i < seen->len; i++)
		if (seen->data[i] == nt)
			return;
	vec_push(seen, nt);
	if (nt->kind == TY_NAMED) {
		ObjList ms = types_named_methods(nt);
		for (uint32_t i = 0; i < ms.len; i++)
			if (ms.data[i]->name && equal_fold(ms.data[i]->name->s, sel))
				vec_push(out, ms.data[i]);
	}
	Type *u = types_under(t);
	if (u->kind == TY_STRUCT) {
		for (uint32_t i = 0; i < u->strct.fields.len; i++) {
			Object *f = u->strct.fields.data[i];
			if (f->name && equal_fold(f->name->s, sel))
				vec_push(out, f);
		}
		for (uint32_t i = 0; i < u->strct.fields.len; i++) {
			Object *f = u->strct.fields.data[i];
			if (f->flags & VF_EMBEDDED)
				fold_candidates(c, f->type, sel, out, seen, depth + 1);
		}
	} else if (u->kind == TY_INTERFACE) {
		TypeSet *ts = types_typeset(u);
		for (uint32_t i = 0; i < ts->methods.len; i++)
			if (ts->methods.data[i]->name && equal_fold(ts->methods.data[i]->name->s, sel))
				vec_push(out, ts->methods.data[i]);
	}
}

/* lookupFieldOrMethod(T, addressable, pkg, sel, foldCase=true) */
static Object *lookup_fold(Checker *c, Type *t, bool addressable, const char *sel)
{
	ObjVec cands = {0};
	TypeVec seen = {0};
	fold_candidates(c, t, sel, &cands, &seen, 0);
	Object *found = NULL;
	for (size_t i = 0; i < cands.len && !found; i++) {
		LookupResult r = types_lookup_field_or_method(c->a, t, addressable, cands.data[i]->pkg, cands.data[i]->name);
		if (r.obj && r.obj->name == cands.data[i]->name)
			found = r.obj;
	}
	free(cands.data);
	free(seen.data);
	return found;
}

/* lookupError (not in a struct literal): why sel is not found in typ. */
static const char *lookup_error(Checker *c, Type *typ, const char *sel, Object *obj)
{
	enum { MISSING, MISSPELLED, UNEXPORTED, INACCESSIBLE } k = MISSING;
	const char *alt = obj && obj->name ? obj->name->s : NULL;
	if (alt) {
		if (obj->pkg == c->pkg)
			k = MISSPELLED;
		else if (is_exported_s(sel)) {
			if (is_exported_s(alt))
				k = MISSPELLED;
			else if (strcmp(sel + 1, alt + 1) == 0)
				k = UNEXPORTED;
		} else if (is_exported_s(alt)) {
			if (strcmp(sel + 1, alt + 1) == 0)
				k = MISSPELLED;
		} else if (strcmp(sel, alt) == 0)
			k = INACCESSIBLE;
	}
	const char *what = obj && obj->kind == OBJ_VAR ? "field" : obj && obj->kind == OBJ_FUNC ? "method" : "object";
	const char *ts = check_type_str(c, typ);
	size_t n = strlen(ts) + 2 * strlen(sel) + (alt ? strlen(alt) : 0) + 80;
	char *s = arena_alloc(c->a, n);
	switch (k) {
	case MISSING: snprintf(s, n, "type %s has no field or method %s", ts, sel); break;
	case MISSPELLED: snprintf(s, n, "type %s has no field or method %s, but does have %s %s", ts, sel, what, alt); break;
	case UNEXPORTED: snprintf(s, n, "type %s has no field or method %s, but does have unexported %s %s", ts, sel, what, alt); break;
	case INACCESSIBLE: snprintf(s, n, "cannot refer to unexported %s %s", what, alt); break;
	}
	return s;
}

/* x.sel where the lookup found nothing (r) or, on a type, found a field. */
void check_selector_error(Checker *c, uint32_t file, Expr *e, Operand *x, LookupResult *r)
{
	Expr *sx = e->selector.x, *sel = e->selector.sel;
	const char *name = sel->ident.name->s;
	if (unknown_type(x->type) || sel->ident.name == types_name_blank)
		return;
	if (x->mode == OP_BUILTIN || (x->mode != OP_TYPE && !check_known_value(x)))
		return;
	const char *xs = check_expr_str(c, sx);
	if (r->obj) { /* a field selected on a type */
		check_errorf(c, file, sel->pos, "%s.%s undefined (type %s has no method %s)", xs, name, check_type_str(c, x->type), name);
		return;
	}
	if (r->ambiguous) {
		check_errorf(c, file, sel->pos, "ambiguous selector %s.%s", xs, name);
		return;
	}
	if (r->needs_addr) {
		if (x->mode == OP_TYPE) {
			const char *ts = check_type_str(c, x->type);
			check_errorf(c, file, sel->pos, "invalid method expression %s.%s (needs pointer receiver (*%s).%s)", ts, name, ts, name);
		} else {
			check_errorf(c, file, sel->pos, "cannot call pointer method %s on %s", name, check_type_str(c, x->type));
		}
		return;
	}
	const char *why;
	Type *u = types_under(x->type);
	if (u->kind == TY_POINTER && types_is_interface(u->pointer.elem)) {
		const char *ts = check_type_str(c, x->type);
		size_t n = strlen(ts) + 48;
		char *s = arena_alloc(c->a, n);
		snprintf(s, n, "type %s is pointer to interface, not interface", ts);
		why = s;
	} else {
		why = lookup_error(c, x->type, name, lookup_fold(c, x->type, x->mode == OP_VAR, name));
	}
	check_errorf(c, file, sel->pos, "%s.%s undefined (%s)", xs, name, why);
}

/* pkg.sel where the package has no exported sel: "undefined: pkg.sel (but have Sel)" when a
 * name differs only in case, "name sel not exported by package pkg" for an unexported one.
 * Returns the unexported object (it is used as if exported), NULL otherwise. */
Object *check_pkg_selector_error(Checker *c, uint32_t file, Expr *e, Package *ip)
{
	Expr *sx = e->selector.x, *sel = e->selector.sel;
	Name *n = sel->ident.name;
	if (!ip || ip->fake || !ip->scope || n == types_name_blank)
		return NULL;
	Object *o = types_scope_lookup(ip->scope, n);
	if (o) {
		check_errorf(c, file, sel->pos, "name %s not exported by package %s", n->s, ip->name ? ip->name->s : sx->ident.name->s);
		return o;
	}
	for (uint32_t i = 0; i < ip->scope->len; i++) {
		Object *m = ip->scope->elems[i];
		if (m->name && is_exported_s(m->name->s) && equal_fold(m->name->s, n->s)) {
			check_errorf(c, file, sel->pos, "undefined: %s.%s (but have %s)", sx->ident.name->s, n->s, m->name->s);
			return NULL;
		}
	}
	check_errorf(c, file, sel->pos, "undefined: %s.%s", sx->ident.name->s, n->s);
	return NULL;
}
