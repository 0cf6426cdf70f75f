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
	if (types_under(u) == check_invalid()) /* an alias or a type defined from an invalid one (C.int) */
		return true;
	if (u->kind == TY_POINTER) {
		Type *b = types_unalias(u->pointer.elem);
		if (!b || b->kind == TY_TYPEPARAM || types_under(b) == check_invalid())
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

static bool dup_fields(Type *t)
{
	Type *u = types_under(t);
	if (u->kind == TY_POINTER)
		u = types_under(u->pointer.elem);
	if (u->kind != TY_STRUCT)
		return false;
	ObjList f = u->strct.fields;
	for (uint32_t i = 0; i < f.len; i++)
		for (uint32_t j = i + 1; j < f.len; j++)
			if (f.data[i]->name && f.data[i]->name == f.data[j]->name && f.data[i]->name != types_name_blank)
				return true;
	return false;
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
	if (r->ambiguous && dup_fields(x->type)) /* a struct with a duplicate field: reported by its declaration */
		return;
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

/* check.index: an index operand y (for a sequence of length, -1 unknown; max = length for
 * indexing, length + 1 for slicing). *val gets its constant value (-1 when not constant).
 * False when an error was reported. */
bool check_index_value_ok(Checker *c, uint32_t file, Expr *ie, Operand *y0, int64_t max, int64_t *val)
{
	*val = -1;
	if (!check_value_ok(c, file, ie, y0, true))
		return false;
	if (!check_known_value(y0) || unknown_type(y0->type))
		return true;
	Operand y = *y0;
	if (!check_convert_untyped(c, file, ie, &y, types_typ[BK_INT]))
		return false;
	Type *u = types_under(y.type);
	if (u->kind != TY_BASIC || !(u->flags & TF_INTEGER)) {
		check_errorf(c, file, syn_expr_pos(ie), "invalid argument: index %s must be integer", check_operand_str(c, ie, &y));
		return false;
	}
	if (y.mode != OP_CONST || !y.val || y.val->kind != CK_INT)
		return true;
	if (const_sign(y.val) < 0) {
		check_errorf(c, file, syn_expr_pos(ie), "invalid argument: index %s must not be negative", check_operand_str(c, ie, &y));
		return false;
	}
	if (!const_representable(c->a, y.val, BK_INT, NULL)) {
		check_errorf(c, file, syn_expr_pos(ie), "invalid argument: index %s overflows int", check_operand_str(c, ie, &y));
		return false;
	}
	bool exact;
	int64_t v = const_int64_val(y.val, &exact);
	if (max >= 0 && v >= max) {
		char *s = const_string(y.val);
		check_errorf(c, file, syn_expr_pos(ie), "invalid argument: index %s out of bounds [0:%lld]", s, (long long)max);
		free(s);
		return false;
	}
	*val = v;
	return true;
}

/* Whether expression b (the operand of an index or slice) is an index of a type parameter's
 * value, whose addressability this checker does not track. */
static bool tparam_index(Checker *c, uint32_t file, Expr *b)
{
	Expr *u = syn_unparen(b);
	if (u->kind != EXPR_INDEX)
		return false;
	Operand o;
	bool rec = c->record;
	c->record = false;
	c->quiet++;
	check_expr(c, file, u->index.x, &o, NULL);
	c->quiet--;
	c->record = rec;
	return !o.type || unknown_type(o.type) || tparam_index(c, file, u->index.x);
}

/* x[i] (one index; x not a type nor a generic function) */
bool check_index_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y)
{
	Expr *ie = e->index.indices.n == 1 ? e->index.indices.v[0] : NULL;
	if (!ie || !check_value_ok(c, file, e->index.x, x, false))
		return x->mode != OP_NOVALUE && x->mode != OP_BUILTIN;
	if (!check_known_value(x) || unknown_type(x->type))
		return true;
	Type *u = types_under(x->type);
	int64_t length = -1, v;
	switch (u->kind) {
	case TY_BASIC:
		if (!(u->flags & TF_STRING))
			break;
		if (x->mode == OP_CONST && x->val && x->val->kind == CK_STRING)
			length = (int64_t)x->val->str.len;
		return check_index_value_ok(c, file, ie, y, length, &v);
	case TY_ARRAY: return check_index_value_ok(c, file, ie, y, u->array.len, &v);
	case TY_POINTER: {
		Type *a = types_under(u->pointer.elem);
		if (a->kind != TY_ARRAY)
			break;
		return check_index_value_ok(c, file, ie, y, a->array.len, &v);
	}
	case TY_SLICE: return check_index_value_ok(c, file, ie, y, -1, &v);
	case TY_MAP: {
		if (!check_value_ok(c, file, ie, y, true))
			return false;
		if (!check_known_value(y) || unknown_type(y->type) || unknown_type(u->map.key))
			return true;
		if (types_assignable(y->type, u->map.key) && (!types_is_untyped(y->type) || y->mode != OP_CONST))
			return true;
		Operand k = *y;
		if (types_is_untyped(y->type) && y->mode == OP_CONST && types_assignable(y->type, u->map.key)) {
			/* representability is the assignment's business */
			return true;
		}
		(void)k;
		check_errorf(c, file, syn_expr_pos(ie), "cannot use %s as %s value in map index", check_operand_str(c, ie, y),
		             check_type_str(c, u->map.key));
		return false;
	}
	case TY_STRUCT:
	case TY_SIGNATURE:
	case TY_INTERFACE:
	case TY_CHAN:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		break;
	}
	check_errorf(c, file, e->pos, "cannot index %s", check_operand_str(c, e->index.x, x));
	return false;
}

/* x[lo:hi:max] */
bool check_slice_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y)
{
	Expr *ex = e->slice.x;
	if (!check_value_ok(c, file, ex, x, true))
		return false;
	if (!check_known_value(x) || unknown_type(x->type))
		return true;
	Type *u = types_under(x->type);
	int64_t length = -1;
	bool valid = false;
	switch (u->kind) {
	case TY_BASIC:
		if (!(u->flags & TF_STRING))
			break;
		if (e->slice.slice3) {
			Expr *at = e->slice.max ? e->slice.max : e;
			check_errorf(c, file, syn_expr_pos(at), INVALID_OP "3-index slice of string");
			return false;
		}
		valid = true;
		if (x->mode == OP_CONST && x->val && x->val->kind == CK_STRING)
			length = (int64_t)x->val->str.len;
		break;
	case TY_ARRAY:
		if (x->mode != OP_VAR) {
			if (tparam_index(c, file, ex))
				return true;
			check_errorf(c, file, syn_expr_pos(ex), "cannot slice unaddressable value %s", check_operand_str(c, ex, x));
			return false;
		}
		valid = true;
		length = u->array.len;
		break;
	case TY_POINTER: {
		Type *a = types_under(u->pointer.elem);
		if (a->kind == TY_ARRAY) {
			valid = true;
			length = a->array.len;
		}
		break;
	}
	case TY_SLICE: valid = true; break;
	case TY_STRUCT:
	case TY_SIGNATURE:
	case TY_INTERFACE:
	case TY_MAP:
	case TY_CHAN:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		break;
	}
	if (!valid) {
		check_errorf(c, file, syn_expr_pos(ex), "cannot slice %s", check_operand_str(c, ex, x));
		return false;
	}
	Expr *ie[3] = {e->slice.low, e->slice.high, e->slice.max};
	int64_t ind[3];
	for (int i = 0; i < 3; i++) {
		int64_t v = -1;
		if (ie[i]) {
			if (!check_index_value_ok(c, file, ie[i], &y[i], length >= 0 ? length + 1 : -1, &v))
				return false;
		} else if (i == 0) {
			v = 0;
		} else if (length >= 0) {
			v = length;
		}
		ind[i] = v;
	}
	for (int i = 0; i < 2; i++) {
		if (ind[i] <= 0)
			continue;
		for (int j = i + 1; j < 3; j++) {
			if (ind[j] >= 0 && ind[j] < ind[i] && ie[j]) {
				check_errorf(c, file, syn_expr_pos(ie[j]), "invalid slice indices: %lld < %lld", (long long)ind[j], (long long)ind[i]);
				return false;
			}
		}
	}
	return true;
}

/* f(args) where f is not a type nor a builtin: f must be a function. */
bool check_callable_ok(Checker *c, uint32_t file, Expr *e, Operand *f)
{
	Expr *fe = e->call.fun;
	if (f->mode == OP_NOVALUE)
		return check_value_ok(c, file, fe, f, false);
	if (!check_known_value(f) || unknown_type(f->type) || f->mode == OP_NIL)
		return true;
	if (types_under(f->type)->kind == TY_SIGNATURE)
		return true;
	check_errorf(c, file, syn_expr_pos(fe), INVALID_OP "cannot call %s: %s is not a function", check_operand_str(c, fe, f),
	             check_type_str(c, f->type));
	return false;
}

/* T(x): one argument, convertible to T. x is the (last) argument's operand. */
bool check_conversion_ok(Checker *c, uint32_t file, Expr *e, Type *t, Operand *x)
{
	ExprList args = e->call.args;
	if (!t || t == check_invalid())
		return true;
	if (args.n == 0) {
		check_errorf(c, file, syn_expr_pos(e), "missing argument in conversion to %s", check_type_str(c, t));
		return false;
	}
	if (args.n > 1) {
		check_errorf(c, file, syn_expr_pos(args.v[args.n - 1]), "too many arguments in conversion to %s", check_type_str(c, t));
		return false;
	}
	Expr *xe = args.v[0];
	if (!check_value_ok(c, file, xe, x, true))
		return false;
	if (!check_known_value(x) || unknown_type(x->type) || unknown_type(t) || types_is_generic(t))
		return true;
	Type *tu = types_under(t);
	if (tu->kind == TY_INTERFACE)
		return true; /* the cause (a missing method) is the assignment's business */
	if (e->call.ellipsis != SYN_NOPOS) {
		check_errorf(c, file, syn_expr_pos(xe), "invalid use of ... in conversion to %s", check_type_str(c, t));
		return false;
	}
	if (x->mode == OP_CONST && tu->kind == TY_BASIC && (tu->flags & TF_CONST_TYPE)) {
		if (!x->val || x->val->kind == CK_UNKNOWN)
			return true;
		ConstVal *out = NULL;
		if (const_convert(c->a, x->val, x->type, tu->basic.kind, &out))
			return true;
		if (types_is_integer(x->type) && (tu->flags & TF_INTEGER)) {
			char *s = const_string(x->val);
			check_errorf(c, file, syn_expr_pos(xe), "constant %s overflows %s", s, check_type_str(c, t));
			free(s);
			return false;
		}
	} else if (types_convertible(x->type, t)) {
		return true;
	}
	check_errorf(c, file, syn_expr_pos(xe), "cannot convert %s to type %s", check_operand_str(c, xe, x), check_type_str(c, t));
	return false;
}

/* The arguments of a function call are values (one call with several results may stand for
 * all of them). */
void check_call_args_ok(Checker *c, uint32_t file, Expr *e, Operand *args, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (n == 1 && args[i].mode == OP_VALUE && args[i].type && args[i].type->kind == TY_TUPLE)
			continue;
		check_value_ok(c, file, e->call.args.v[i], &args[i], true);
	}
}

/* objectKind */
static const char *object_kind(Object *o)
{
	switch (o->kind) {
	case OBJ_PKGNAME: return "package name";
	case OBJ_CONST: return "constant";
	case OBJ_TYPENAME: return "defined type";
	case OBJ_VAR:
		switch (o->var.kind) {
		case VK_PACKAGE: return "package-level variable";
		case VK_LOCAL: return "local variable";
		case VK_RECV: return "receiver";
		case VK_PARAM: return "parameter";
		case VK_RESULT: return "result variable";
		case VK_FIELD: return "struct field";
		}
		return "variable";
	case OBJ_FUNC: return o->type && o->type->kind == TY_SIGNATURE && o->type->sig.recv ? "method" : "function";
	case OBJ_LABEL: return "label";
	case OBJ_BUILTIN: return "built-in function";
	case OBJ_NIL: return "untyped nil";
	case OBJ_BAD:
	case OBJ_COUNT: break;
	}
	return "unknown symbol";
}

/* A name or pkg.Name in a type's place that denotes something else (o). */
void check_not_a_type(Checker *c, uint32_t file, Expr *e, Object *o)
{
	if (e->kind == EXPR_IDENT) {
		if (o->kind == OBJ_VAR && o->pkg == c->pkg)
			o->flags |= VF_USED; /* no "declared and not used" on top */
		check_errorf(c, file, e->pos, "%s (%s) is not a type", o->name->s, object_kind(o));
		return;
	}
	Operand x = {0};
	switch (o->kind) {
	case OBJ_CONST: x.mode = OP_CONST; x.type = o->type; x.val = o->cnst.val; break;
	case OBJ_VAR: x.mode = OP_VAR; x.type = o->type; break;
	case OBJ_FUNC: x.mode = OP_VALUE; x.type = o->type; break;
	case OBJ_BUILTIN: x.mode = OP_BUILTIN; x.obj = o; break;
	case OBJ_PKGNAME:
	case OBJ_TYPENAME:
	case OBJ_NIL:
	case OBJ_LABEL:
	case OBJ_BAD:
	case OBJ_COUNT: return;
	}
	if (x.mode != OP_BUILTIN && (!x.type || x.type == check_invalid()))
		return;
	check_errorf(c, file, syn_expr_pos(e), "%s is not a type", check_operand_str(c, e, &x));
}

/* x.(T): x is an interface and T can be its dynamic type. t: T (NULL if unknown).
 * switch_guard: the x.(type) of a type switch (no "invalid operation" prefix, no T). */
bool check_assert_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t, bool switch_guard)
{
	Expr *xe = e->assert.x;
	if (!check_value_ok(c, file, xe, x, true))
		return false;
	if (!check_known_value(x) || unknown_type(x->type))
		return true;
	Type *u = types_under(x->type);
	if (u->kind != TY_INTERFACE) {
		check_errorf(c, file, syn_expr_pos(xe), "%s%s is not an interface", switch_guard ? "" : INVALID_OP, check_operand_str(c, xe, x));
		return false;
	}
	if (switch_guard || !t || t == check_invalid() || unknown_type(t) || types_is_interface(t) || types_is_generic(t))
		return true;
	bool wrong = false, ptr = false;
	Object *m = types_missing_method(c->a, t, x->type, &wrong, &ptr);
	if (!m || wrong || ptr)
		return true; /* only the missing-method cause is worded here */
	check_errorf(c, file, syn_expr_pos(e), "impossible type assertion: %s\n\t%s does not implement %s (missing method %s)", check_expr_str(c, e),
	             check_type_str(c, t), check_type_str(c, x->type), m->name->s);
	return false;
}
