/*
 * check_body.c: expressions (operand modes and types, constant folding with const.c) and
 * function bodies (every local declaration scoped as go/types scopes it).
 *
 * This is a partial expression checker: an operand's type is NULL when it is not computed
 * (generic calls needing inference, some builtins, untyped non-constant shifts), and a local
 * variable whose type is unknown is declared (so that it shadows) but not recorded.
 */
#include "types/check.h"

#include <string.h>

static Pos mkpos(uint32_t file, uint32_t off) { return (Pos){file, off}; }

static void set(Operand *x, OpMode m, Type *t)
{
	x->mode = m;
	x->type = t;
	x->val = NULL;
	x->obj = NULL;
	x->targs = NULL;
	x->ntargs = 0;
}

static bool is_value(const Operand *x) { return x->mode == OP_CONST || x->mode == OP_VAR || x->mode == OP_VALUE || x->mode == OP_NIL; }

static ConstOp cop(TokKind k, bool *ok)
{
	static const struct { TokKind tok; ConstOp op; } tab[] = {
	    {TOK_ADD, COP_ADD}, {TOK_SUB, COP_SUB}, {TOK_MUL, COP_MUL}, {TOK_QUO, COP_QUO},
	    {TOK_REM, COP_REM}, {TOK_AND, COP_AND}, {TOK_OR, COP_OR}, {TOK_XOR, COP_XOR},
	    {TOK_AND_NOT, COP_AND_NOT}, {TOK_SHL, COP_SHL}, {TOK_SHR, COP_SHR}, {TOK_LAND, COP_LAND},
	    {TOK_LOR, COP_LOR}, {TOK_NOT, COP_NOT}, {TOK_EQL, COP_EQL}, {TOK_NEQ, COP_NEQ},
	    {TOK_LSS, COP_LSS}, {TOK_LEQ, COP_LEQ}, {TOK_GTR, COP_GTR}, {TOK_GEQ, COP_GEQ},
	};
	for (size_t i = 0; i < ARRAY_LEN(tab); i++)
		if (tab[i].tok == k) {
			*ok = true;
			return tab[i].op;
		}
	*ok = false;
	return COP_ADD;
}

static int untyped_rank(Type *t)
{
	if (t->kind != TY_BASIC)
		return -1;
	BasicKind k = t->basic.kind;
	return k == BK_UNTYPED_INT ? 1 : k == BK_UNTYPED_RUNE ? 2 : k == BK_UNTYPED_FLOAT ? 3 : k == BK_UNTYPED_COMPLEX ? 4 : 0;
}

static void ident(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	set(x, OP_INVALID, NULL);
	Object *o = check_lookup(c, e->ident.name);
	if (!o) {
		check_errorf(c, file, e->pos, e->ident.name == types_name_blank ? "cannot use _ as value" : "undefined: %s", e->ident.name->s);
		return;
	}
	if (o->pkg == c->pkg && o->order) {
		check_obj_decl(c, o);
		check_add_dep(c, o);
	}
	check_recordp(c, file, e, o);
	x->obj = o;
	switch (o->kind) {
	case OBJ_CONST:
		x->mode = OP_CONST;
		x->type = o->type;
		x->val = o->cnst.val;
		if (o == types_universe_iota) {
			x->val = c->iota >= 0 ? const_make_int64(c->a, c->iota) : NULL;
			if (!x->val)
				x->mode = OP_INVALID;
		}
		break;
	case OBJ_TYPENAME: x->mode = OP_TYPE; x->type = o->type; break;
	case OBJ_VAR:
		x->mode = OP_VAR;
		x->type = o->type;
		if (o->pkg == c->pkg) /* not a dot-imported variable: other threads read those */
			o->flags |= VF_USED;
		break;
	case OBJ_FUNC: x->mode = OP_VALUE; x->type = o->type; break;
	case OBJ_BUILTIN: x->mode = OP_BUILTIN; break;
	case OBJ_PKGNAME:
		x->mode = OP_PKG; /* not a use of the import (types2) */
		check_errorf(c, file, e->pos, "use of package %s not in selector", o->name->s);
		break;
	case OBJ_NIL: x->mode = OP_NIL; x->type = types_typ[BK_UNTYPED_NIL]; break;
	case OBJ_LABEL:
	case OBJ_BAD:
	case OBJ_COUNT: x->mode = OP_INVALID; break;
	}
}

static void binary(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	Operand y;
	check_expr(c, file, e->binary.x, x, NULL);
	check_expr(c, file, e->binary.y, &y, NULL);
	TokKind op = e->binary.op;
	if (!check_binary_ok(c, file, e, x, &y)) {
		set(x, OP_INVALID, NULL);
		return;
	}
	if (!is_value(x) || !is_value(&y) || !x->type || !y.type) {
		set(x, OP_INVALID, NULL);
		return;
	}
	if (op != TOK_SHL && op != TOK_SHR)
		check_match_types(c, e->binary.x, x, e->binary.y, &y);
	bool ok;
	ConstOp o = cop(op, &ok);
	bool both = x->mode == OP_CONST && y.mode == OP_CONST && x->val && y.val;
	if (op == TOK_SHL || op == TOK_SHR) {
		if (both && types_is_untyped(x->type)) {
			bool exact;
			ConstVal *xi = const_to_int(c->a, x->val);
			int64_t s = const_int64_val(const_to_int(c->a, y.val), &exact);
			if (!xi || xi->kind != CK_INT || !exact || s < 0 || s > 10000) {
				set(x, OP_INVALID, NULL);
				return;
			}
			x->val = const_shift(c->a, xi, o, (unsigned)s);
			check_untyped_overflow(c, file, e, op, false, &x->val);
			if (!x->val)
				x->mode = OP_VALUE;
			x->type = untyped_rank(x->type) >= 3 ? types_typ[BK_UNTYPED_INT] : x->type;
			return;
		}
		if (types_is_untyped(x->type)) {
			/* non-constant shift of an untyped constant: the type it would have alone in
			 * this context (its default type in := and var declarations) */
			set(x, OP_VALUE, x->type);
			return;
		}
		if (both) {
			bool exact;
			int64_t s = const_int64_val(const_to_int(c->a, y.val), &exact);
			x->val = exact && s >= 0 && s < 10000 ? const_shift(c->a, x->val, o, (unsigned)s) : NULL;
			Type *u = types_under(x->type);
			if (x->val && u->kind == TY_BASIC) {
				ConstVal *r = NULL;
				if (!const_representable(c->a, x->val, u->basic.kind, &r)) {
					check_const_overflow(c, file, e, x->val, x->type);
					x->val = NULL;
				}
			}
			if (!x->val)
				x->mode = OP_VALUE;
			return;
		}
		x->mode = OP_VALUE;
		x->val = NULL;
		return;
	}
	bool cmp = op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ;
	Type *t;
	if (types_is_untyped(x->type) && types_is_untyped(y.type)) {
		t = untyped_rank(y.type) > untyped_rank(x->type) ? y.type : x->type;
	} else if (types_is_untyped(x->type)) {
		t = y.type;
	} else {
		t = x->type;
	}
	if (cmp) {
		check_finish_comparison(c, e->binary.x, x, e->binary.y, &y);
		if (both && ok) {
			Type *ut = types_is_untyped(t) ? NULL : types_under(t);
			ConstVal *xv = x->val, *yv = y.val;
			(void)ut;
			if (xv->kind != yv->kind && xv->kind >= CK_INT && yv->kind >= CK_INT) {
				/* match numeric kinds */
				ConstKind k = xv->kind > yv->kind ? xv->kind : yv->kind;
				if (k == CK_FLOAT) { xv = const_to_float(c->a, xv); yv = const_to_float(c->a, yv); }
				if (k == CK_COMPLEX) { xv = const_to_complex(c->a, xv); yv = const_to_complex(c->a, yv); }
			}
			if (xv && yv && xv->kind == yv->kind && xv->kind != CK_UNKNOWN) {
				x->val = const_make_bool(c->a, const_compare(xv, o, yv));
				x->mode = OP_CONST;
				x->type = types_typ[BK_UNTYPED_BOOL];
				return;
			}
		}
		set(x, both ? OP_CONST : OP_VALUE, types_typ[BK_UNTYPED_BOOL]);
		if (both)
			x->mode = OP_VALUE;
		return;
	}
	if (both && ok) {
		ConstVal *xv = x->val, *yv = y.val;
		if (xv->kind != yv->kind && xv->kind >= CK_INT && yv->kind >= CK_INT) {
			ConstKind k = xv->kind > yv->kind ? xv->kind : yv->kind;
			if (k == CK_FLOAT) { xv = const_to_float(c->a, xv); yv = const_to_float(c->a, yv); }
			if (k == CK_COMPLEX) { xv = const_to_complex(c->a, xv); yv = const_to_complex(c->a, yv); }
		}
		if (o == COP_QUO && types_is_integer(t))
			o = COP_QUO_INT;
		ConstVal *r = xv && yv && xv->kind == yv->kind ? const_binary(c->a, xv, o, yv) : NULL;
		if (r && types_is_untyped(t) && const_untyped_overflows(r)) {
			/* go/types Checker.overflow: untyped integers stop at 512 bits (which also keeps
			 * c1 = c0 * c0; c2 = c1 * c1; ... from growing exponentially) */
			const char *what = op == TOK_ADD ? "addition " : op == TOK_SUB ? "subtraction " : op == TOK_XOR ? "bitwise XOR " : op == TOK_MUL ? "multiplication " : "";
			check_errorf(c, file, e->pos, "constant %soverflow", what);
			r = const_unknown();
		}
		Type *u = types_under(t);
		if (r && !types_is_untyped(t) && u->kind == TY_BASIC) {
			ConstVal *rr = NULL;
			if (!const_representable(c->a, r, u->basic.kind, &rr)) {
				check_const_overflow(c, file, e, r, t);
				r = NULL;
			}
			else if (rr)
				r = rr;
		}
		if (r && types_is_untyped(t))
			check_untyped_overflow(c, file, e, op, false, &r);
		x->mode = r ? OP_CONST : OP_VALUE;
		x->val = r;
		x->type = t;
		return;
	}
	set(x, OP_VALUE, t);
}

static Type *sig_no_recv(Checker *c, Type *sig)
{
	if (!sig || sig->kind != TY_SIGNATURE)
		return NULL;
	if (!sig->sig.recv)
		return sig;
	return types_new_signature(c->a, NULL, sig->sig.params, sig->sig.results, sig->sig.variadic);
}

static void selector(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	Expr *sx = e->selector.x, *sel = e->selector.sel;
	if (sx->kind == EXPR_IDENT) {
		Object *p = check_lookup(c, sx->ident.name);
		if (p && p->kind == OBJ_PKGNAME) {
			p->pkgname.used = true;
			check_recordp(c, file, sx, p);
			Package *ip = p->pkgname.imported;
			Object *o = ip && ip->scope ? types_scope_lookup(ip->scope, sel->ident.name) : NULL;
			if (o && !(o->flags & OF_EXPORTED) && ip != types_unsafe)
				o = NULL;
			set(x, OP_INVALID, NULL);
			if (!o)
				o = check_pkg_selector_error(c, file, e, ip);
			if (!o)
				return;
			check_recordp(c, file, sel, o);
			x->obj = o;
			switch (o->kind) {
			case OBJ_CONST: x->mode = OP_CONST; x->type = o->type; x->val = o->cnst.val; break;
			case OBJ_TYPENAME: x->mode = OP_TYPE; x->type = o->type; break;
			case OBJ_VAR: x->mode = OP_VAR; x->type = o->type; break;
			case OBJ_FUNC: x->mode = OP_VALUE; x->type = o->type; break;
			case OBJ_BUILTIN: x->mode = OP_BUILTIN; break;
			case OBJ_NIL:
			case OBJ_PKGNAME:
			case OBJ_LABEL:
			case OBJ_BAD:
			case OBJ_COUNT: break;
			}
			return;
		}
	}
	check_expr(c, file, sx, x, NULL);
	if (!x->type || (x->mode != OP_TYPE && !is_value(x)) || x->type == check_invalid()) {
		set(x, OP_INVALID, NULL);
		return;
	}
	bool typ = x->mode == OP_TYPE;
	LookupResult r = types_lookup_field_or_method(c->a, x->type, x->mode == OP_VAR, c->pkg, sel->ident.name);
	if (!r.obj || (typ && r.obj->kind == OBJ_VAR)) {
		check_selector_error(c, file, e, x, &r);
		if (!r.obj) {
			set(x, OP_INVALID, NULL);
			return;
		}
	}
	check_recordp(c, file, sel, r.obj);
	if (r.obj->kind == OBJ_VAR) {
		set(x, typ ? OP_INVALID : (x->mode == OP_VAR || r.indirect ? OP_VAR : OP_VALUE), r.obj->type);
		return;
	}
	if (typ) { /* method expression: the receiver becomes the first parameter */
		Type *sig = r.obj->type;
		Type *recv_t = x->type;
		set(x, OP_VALUE, NULL);
		if (!sig || sig->kind != TY_SIGNATURE)
			return;
		ObjList ps = sig->sig.params->tuple.vars;
		Object **vars = ARENA_ARRAY(c->a, Object *, ps.len + 1);
		Object *rv = sig->sig.recv;
		/* named like the receiver only when the parameters are named (go/types) */
		Name *rname = NULL;
		if (ps.len && !types_name_empty(ps.data[0]->name))
			rname = rv && !types_name_empty(rv->name) ? rv->name : types_name_blank;
		vars[0] = types_new_param(c->a, c->pkg, rv ? rv->pos : r.obj->pos, rname, recv_t);
		for (uint32_t i = 0; i < ps.len; i++)
			vars[i + 1] = ps.data[i];
		x->type = types_new_signature(c->a, NULL, types_new_tuple(c->a, vars, ps.len + 1), sig->sig.results, sig->sig.variadic);
		return;
	}
	set(x, OP_VALUE, sig_no_recv(c, r.obj->type));
}

/* Whether t's size depends on a type parameter (go/types hasVarSize): Sizeof is then not
 * constant. */
static bool has_tparams(Type *t, int depth)
{
	if (!t || depth > 64)
		return true;
	switch (t->kind) {
	case TY_TYPEPARAM: return true;
	case TY_BASIC: return false;
	case TY_POINTER: return false;
	case TY_SLICE: return false;
	case TY_MAP: return false;
	case TY_CHAN: return false;
	case TY_SIGNATURE: return false;
	case TY_INTERFACE: return false;
	case TY_ARRAY: return has_tparams(t->array.elem, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++)
			if (has_tparams(t->strct.fields.data[i]->type, depth + 1))
				return true;
		return false;
	case TY_NAMED:
		return t->named.tparams.len && t->named.orig == t ? true : has_tparams(types_under(t), depth + 1);
	case TY_ALIAS: return has_tparams(types_unalias(t), depth + 1);
	case TY_UNION:
	case TY_TUPLE:
	case TY_COUNT: return true;
	}
	return true;
}

/* unsafe.Offsetof(x.f): the offset of f within x's struct, following embedded fields
 * (which may not be reached through pointers); -1 when not computed. The selector is
 * checked (and recorded) by the argument pass already. */
static int64_t offsetof_value(Checker *c, Expr *e)
{
	if (e->kind != EXPR_SELECTOR)
		return -1;
	Operand x;
	bool rec = c->record;
	c->record = false;
	check_expr(c, 0, e->selector.x, &x, NULL);
	c->record = rec;
	if (!x.type || !is_value(&x) || has_tparams(x.type, 0) || check_size_unknown(x.type))
		return -1;
	LookupResult r = types_lookup_field_or_method(c->a, x.type, x.mode == OP_VAR, c->pkg, e->selector.sel->ident.name);
	if (!r.obj || r.obj->kind != OBJ_VAR || r.indirect)
		return -1;
	int64_t off = 0;
	Type *t = x.type;
	for (uint32_t i = 0; i < r.nindex; i++) {
		Type *u = types_under(t);
		if (u->kind != TY_STRUCT || r.index[i] >= u->strct.fields.len)
			return -1;
		off += types_offsetof_field(u, r.index[i]);
		t = u->strct.fields.data[r.index[i]]->type;
	}
	return off;
}

/* min and max: the common type; folded when every argument is constant. */
static void minmax(Checker *c, Operand *ops, uint32_t n, bool min, Operand *x)
{
	Type *typed = NULL, *untyped = NULL;
	bool allconst = n > 0;
	for (uint32_t i = 0; i < n; i++) {
		if (!is_value(&ops[i]) || !ops[i].type || ops[i].type->kind == TY_TUPLE)
			return;
		if (types_is_untyped(ops[i].type)) {
			if (!untyped || untyped_rank(ops[i].type) > untyped_rank(untyped))
				untyped = ops[i].type;
		} else if (!typed) {
			typed = ops[i].type;
		}
		if (ops[i].mode != OP_CONST || !ops[i].val)
			allconst = false;
	}
	x->type = typed ? typed : untyped;
	if (!allconst || !x->type || !types_is_ordered(x->type))
		return;
	ConstVal *best = NULL;
	for (uint32_t i = 0; i < n; i++) {
		ConstVal *v = ops[i].val;
		if (!best) {
			best = v;
			continue;
		}
		ConstVal *a = best, *b = v;
		if (a->kind != b->kind && a->kind >= CK_INT && b->kind >= CK_INT) {
			a = const_to_float(c->a, a);
			b = const_to_float(c->a, b);
		}
		if (!a || !b || a->kind != b->kind || a->kind == CK_UNKNOWN)
			return;
		if (const_compare(b, min ? COP_LSS : COP_GTR, a))
			best = v;
	}
	x->mode = OP_CONST;
	x->val = best;
}

/* go/types makeSig: parameters of the arguments' (default) types, one result or none. */
static Type *mksig(Checker *c, Type *res, Type **ps, uint32_t n, bool variadic)
{
	Object **vs = ARENA_ARRAY(c->a, Object *, n ? n : 1);
	for (uint32_t i = 0; i < n; i++) {
		if (!ps[i] || ps[i] == check_invalid() || ps[i]->kind == TY_TUPLE)
			return NULL;
		vs[i] = types_new_param(c->a, NULL, (Pos){0, 0}, NULL, types_is_untyped(ps[i]) ? types_default(ps[i]) : ps[i]);
	}
	Type *results;
	if (res) {
		if (res == check_invalid() || types_is_untyped(res))
			return NULL;
		Object *r = types_new_var(c->a, VK_RESULT, NULL, (Pos){0, 0}, NULL, res);
		results = types_new_tuple(c->a, &r, 1);
	} else {
		results = types_new_tuple(c->a, NULL, 0);
	}
	return types_new_signature(c->a, NULL, types_new_tuple(c->a, vs, n), results, variadic);
}

/* The signature go/types records for a builtin called with these arguments (recordBuiltinType),
 * when the call is not constant. */
static void builtin_record_sig(Checker *c, Expr *e, BuiltinId id, Operand *ops, uint32_t n, const Operand *x)
{
	if (!c->record || x->mode == OP_CONST || x->mode == OP_INVALID)
		return;
	Type *ps[3] = {NULL, NULL, NULL};
	Type **pp = ps;
	uint32_t np = n;
	Type *res = x->mode == OP_NOVALUE ? NULL : x->type;
	bool variadic = false;
	if (x->mode != OP_NOVALUE && !x->type)
		return;
	for (uint32_t i = 0; i < n; i++)
		if (!ops[i].type || (ops[i].mode != OP_TYPE && !is_value(&ops[i])))
			return;
	switch (id) {
	case BI_APPEND: {
		Type *u = n ? types_core_type(ops[0].type) : NULL;
		if (!u || u->kind != TY_SLICE)
			return;
		variadic = true;
		np = 2;
		ps[0] = ops[0].type;
		if (n == 2 && e->call.ellipsis != SYN_NOPOS &&
		    ((types_core_type(ops[1].type) && types_core_type(ops[1].type)->kind == TY_BASIC) ||
		     (types_is_typeparam(ops[1].type) && !types_core_type(ops[1].type))))
			ps[1] = ops[1].type; /* append(bytes, s...) */
		else
			ps[1] = types_new_slice(c->a, u->slice.elem);
		break;
	}
	case BI_CAP:
	case BI_LEN:
	case BI_CLEAR:
	case BI_CLOSE:
	case BI_IMAG:
	case BI_REAL:
	case BI_SLICEDATA:
	case BI_STRINGDATA:
	case BI_SIZEOF:
	case BI_ALIGNOF:
		if (n != 1)
			return;
		ps[0] = ops[0].type;
		break;
	case BI_COMPLEX:
		if (n != 2)
			return;
		ps[0] = ps[1] = ops[0].type;
		break;
	case BI_COPY:
	case BI_ADD:
	case BI_SLICE:
	case BI_STRING:
		if (n != 2)
			return;
		ps[0] = id == BI_STRING ? types_new_pointer(c->a, types_byte) : ops[0].type;
		ps[1] = ops[1].type;
		break;
	case BI_DELETE: {
		Type *u = n == 2 ? types_core_type(ops[0].type) : NULL;
		if (!u || u->kind != TY_MAP)
			return;
		ps[0] = ops[0].type;
		ps[1] = u->map.key;
		break;
	}
	case BI_MAKE:
	case BI_PRINT:
	case BI_PRINTLN:
		pp = ARENA_ARRAY(c->a, Type *, n ? n : 1);
		for (uint32_t i = 0; i < n; i++)
			pp[i] = ops[i].type;
		break;
	case BI_MIN:
	case BI_MAX:
		pp = ARENA_ARRAY(c->a, Type *, n ? n : 1);
		for (uint32_t i = 0; i < n; i++)
			pp[i] = x->type;
		break;
	case BI_NEW:
		if (n != 1 || !x->type || x->type->kind != TY_POINTER)
			return;
		ps[0] = x->type->pointer.elem;
		break;
	case BI_PANIC:
		np = 1;
		ps[0] = types_new_interface(c->a, NULL, 0, NULL, 0);
		break;
	case BI_RECOVER:
		np = 0;
		break;
	case BI_OFFSETOF:
		return;
	case BI_COUNT:
		return;
	}
	Type *sig = mksig(c, res, pp, np, variadic);
	if (!sig)
		return;
	for (Expr *f = e->call.fun; f;) {
		check_record_tv(c, 0, f, &(Operand){.mode = OP_BUILTIN, .type = sig});
		if (f->kind != EXPR_PAREN)
			break;
		f = f->paren.x;
	}
}

/* The types go/types gives a builtin's untyped arguments (assignment to the element or key
 * type, int for sizes, default types for print and panic, the common type of min and max). */
static void builtin_untyped_args(Checker *c, Expr *e, BuiltinId id, Operand *ops, uint32_t n, const Operand *x)
{
	ExprList args = e->call.args;
	switch (id) {
	case BI_APPEND: {
		Type *u = n && is_value(&ops[0]) && ops[0].type ? types_core_type(ops[0].type) : NULL;
		if (!u || u->kind != TY_SLICE || e->call.ellipsis != SYN_NOPOS)
			break;
		for (uint32_t i = 1; i < n; i++)
			check_assign_untyped(c, args.v[i], &ops[i], u->slice.elem);
		break;
	}
	case BI_PRINT:
	case BI_PRINTLN:
	case BI_PANIC:
	case BI_SIZEOF:
	case BI_ALIGNOF:
	case BI_NEW:
		for (uint32_t i = 0; i < n; i++)
			check_assign_untyped(c, args.v[i], &ops[i], NULL);
		break;
	case BI_MAKE:
		for (uint32_t i = 1; i < n; i++)
			check_record_convert(c, args.v[i], &ops[i], types_typ[BK_INT]);
		break;
	case BI_ADD:
	case BI_SLICE:
	case BI_STRING:
		if (n == 2)
			check_record_convert(c, args.v[1], &ops[1], types_typ[BK_INT]);
		break;
	case BI_COMPLEX:
		if (n == 2 && x->mode != OP_CONST && is_value(&ops[0]) && is_value(&ops[1]) && ops[0].type && ops[1].type) {
			if (types_is_untyped(ops[0].type) && !types_is_untyped(ops[1].type))
				check_record_convert(c, args.v[0], &ops[0], ops[1].type);
			else if (types_is_untyped(ops[1].type) && !types_is_untyped(ops[0].type))
				check_record_convert(c, args.v[1], &ops[1], ops[0].type);
		}
		break;
	case BI_DELETE: {
		Type *u = n == 2 && is_value(&ops[0]) && ops[0].type ? types_core_type(ops[0].type) : NULL;
		if (u && u->kind == TY_MAP)
			check_assign_untyped(c, args.v[1], &ops[1], u->map.key);
		break;
	}
	case BI_MIN:
	case BI_MAX:
		if (x->type && !types_is_untyped(x->type))
			for (uint32_t i = 0; i < n; i++)
				check_update_type(c, args.v[i], x->type, true);
		break;
	case BI_CAP:
	case BI_CLEAR:
	case BI_CLOSE:
	case BI_COPY:
	case BI_IMAG:
	case BI_LEN:
	case BI_REAL:
	case BI_RECOVER:
	case BI_OFFSETOF:
	case BI_SLICEDATA:
	case BI_STRINGDATA:
	case BI_COUNT:
		break;
	}
	builtin_record_sig(c, e, id, ops, n, x);
}

static void builtin_call(Checker *c, uint32_t file, Expr *e, Object *b, Operand *x)
{
	ExprList args = e->call.args;
	Operand a0;
	set(&a0, OP_INVALID, NULL);
	BuiltinId id = b->builtin.id;
	bool first_type = id == BI_MAKE || id == BI_NEW || id == BI_SIZEOF || id == BI_ALIGNOF;
	uint32_t ncr = c->ncallrecv;
	Operand *ops = ARENA_ARRAY(c->a, Operand, args.n ? args.n : 1);
	for (uint32_t i = 0; i < args.n; i++) {
		check_expr(c, file, args.v[i], &ops[i], NULL);
		if (i == 0)
			a0 = ops[i];
	}
	(void)first_type;
	if (!check_builtin_ok(c, file, e, id, ops, args.n)) {
		set(x, OP_INVALID, NULL);
		return;
	}
	check_builtin_args(c, file, e, id, ops);
	if (args.n == 1 && ops[0].mode == OP_VALUE && ops[0].type && ops[0].type->kind == TY_TUPLE && id != BI_MAKE &&
	    id != BI_NEW && id != BI_OFFSETOF) {
		/* min(f()) with several results: one operand per result (go/types genericExprList) */
		ObjList vs = ops[0].type->tuple.vars;
		args.n = vs.len;
		ops = ARENA_ARRAY(c->a, Operand, vs.len ? vs.len : 1);
		for (uint32_t i = 0; i < vs.len; i++)
			set(&ops[i], OP_VALUE, vs.data[i]->type);
		if (vs.len)
			a0 = ops[0];
	}
	set(x, OP_VALUE, NULL);
	switch (id) {
	case BI_LEN:
	case BI_CAP:
		x->type = types_typ[BK_INT];
		if (a0.mode == OP_CONST && a0.val && a0.val->kind == CK_STRING && id == BI_LEN) {
			x->mode = OP_CONST;
			x->val = const_make_int64(c->a, (int64_t)a0.val->str.len);
		} else if (is_value(&a0) && a0.type && c->ncallrecv == ncr && !types_is_typeparam(a0.type)) {
			/* arrays (and pointers to arrays) without calls or receives: constant */
			Type *u = types_under(a0.type);
			if (u->kind == TY_POINTER)
				u = types_under(u->pointer.elem);
			if (u->kind == TY_ARRAY && u->array.len >= 0) {
				x->mode = OP_CONST;
				x->val = const_make_int64(c->a, u->array.len);
			}
		}
		break;
	case BI_NEW:
		if (a0.mode == OP_TYPE && a0.type)
			x->type = types_new_pointer(c->a, a0.type);
		else if (is_value(&a0) && a0.type && a0.mode != OP_NIL && a0.type->kind != TY_TUPLE) /* new(expr), Go 1.26 */
			x->type = types_new_pointer(c->a, types_is_untyped(a0.type) ? types_default(a0.type) : a0.type);
		break;
	case BI_MAKE:
		if (a0.mode == OP_TYPE)
			x->type = a0.type;
		break;
	case BI_APPEND:
		if (is_value(&a0) && a0.type && a0.mode != OP_NIL)
			x->type = a0.type;
		if (x->type && x->type->kind == TY_TUPLE) /* append(f()): the slice is f's first result */
			x->type = x->type->tuple.vars.len ? x->type->tuple.vars.data[0]->type : NULL;
		break;
	case BI_COPY:
		x->type = types_typ[BK_INT];
		break;
	case BI_RECOVER:
		x->type = types_new_interface(c->a, NULL, 0, NULL, 0);
		break;
	case BI_SIZEOF:
	case BI_ALIGNOF:
		/* a C type's size (cgo) is a constant not known here: the operand is unknown */
		x->type = a0.type && check_size_unknown(a0.type) ? NULL : types_typ[BK_UINTPTR];
		if (x->type && a0.type && is_value(&a0) && !has_tparams(a0.type, 0)) {
			Type *t = types_is_untyped(a0.type) ? types_default(a0.type) : a0.type;
			x->mode = OP_CONST;
			x->val = const_make_int64(c->a, id == BI_SIZEOF ? types_sizeof(t) : types_alignof(t));
		}
		break;
	case BI_OFFSETOF:
		x->type = types_typ[BK_UINTPTR];
		if (args.n == 1) {
			int64_t off = offsetof_value(c, syn_unparen(args.v[0]));
			if (off >= 0) {
				x->mode = OP_CONST;
				x->val = const_make_int64(c->a, off);
			}
		}
		break;
	case BI_ADD:
		x->type = types_typ[BK_UNSAFE_POINTER];
		break;
	case BI_STRINGDATA:
		x->type = types_new_pointer(c->a, types_byte);
		break;
	case BI_STRING:
		x->type = types_typ[BK_STRING];
		break;
	case BI_CLEAR:
	case BI_CLOSE:
	case BI_DELETE:
	case BI_PANIC:
	case BI_PRINT:
	case BI_PRINTLN:
		x->mode = OP_NOVALUE;
		break;
	case BI_MAX:
	case BI_MIN:
		minmax(c, ops, args.n, id == BI_MIN, x);
		break;
	case BI_IMAG:
	case BI_REAL:
		if (is_value(&a0) && a0.type) {
			Type *u = types_under(a0.type);
			if (a0.mode == OP_CONST && a0.val && types_is_untyped(a0.type) && (u->flags & TF_NUMERIC)) {
				ConstVal *cv = const_to_complex(c->a, a0.val);
				x->val = cv ? (id == BI_REAL ? const_real(c->a, cv) : const_imag(c->a, cv)) : NULL;
				x->mode = x->val ? OP_CONST : OP_VALUE;
				x->type = types_typ[BK_UNTYPED_FLOAT];
			} else if (u->kind == TY_BASIC && u->basic.kind == BK_COMPLEX64) {
				x->type = types_typ[BK_FLOAT32];
			} else if (u->kind == TY_BASIC && u->basic.kind == BK_COMPLEX128) {
				x->type = types_typ[BK_FLOAT64];
			}
		}
		break;
	case BI_COMPLEX:
		if (args.n == 2 && is_value(&ops[0]) && is_value(&ops[1]) && ops[0].type && ops[1].type) {
			Type *t = types_is_untyped(ops[0].type) ? ops[1].type : ops[0].type;
			if (types_is_untyped(t)) {
				x->type = types_typ[BK_UNTYPED_COMPLEX];
				if (ops[0].mode == OP_CONST && ops[1].mode == OP_CONST && ops[0].val && ops[1].val) {
					ConstVal *re = const_to_float(c->a, ops[0].val), *im = const_to_float(c->a, ops[1].val);
					ConstVal *ii = im ? const_make_imag(c->a, im) : NULL;
					x->val = re && ii ? const_binary(c->a, re, COP_ADD, ii) : NULL;
					x->mode = x->val ? OP_CONST : OP_VALUE;
				}
			} else {
				Type *u = types_under(t);
				if (u->kind == TY_BASIC && u->basic.kind == BK_FLOAT32)
					x->type = types_typ[BK_COMPLEX64];
				else if (u->kind == TY_BASIC && u->basic.kind == BK_FLOAT64)
					x->type = types_typ[BK_COMPLEX128];
			}
		}
		break;
	case BI_SLICE:
		if (is_value(&a0) && a0.type && types_under(a0.type)->kind == TY_POINTER)
			x->type = types_new_slice(c->a, types_under(a0.type)->pointer.elem);
		break;
	case BI_SLICEDATA:
		if (is_value(&a0) && a0.type && types_under(a0.type)->kind == TY_SLICE)
			x->type = types_new_pointer(c->a, types_under(a0.type)->slice.elem);
		break;
	case BI_COUNT:
		break;
	}
	builtin_untyped_args(c, e, id, ops, args.n, x);
}

static void call(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	Operand f;
	check_expr(c, file, e->call.fun, &f, NULL);
	if (f.mode == OP_TYPE) {
		Operand y;
		set(&y, OP_INVALID, NULL);
		for (uint32_t i = 0; i < e->call.args.n; i++)
			check_expr(c, file, e->call.args.v[i], &y, f.type);
		if (!check_conversion_ok(c, file, e, f.type, &y)) {
			set(x, OP_INVALID, NULL);
			return;
		}
		if (f.type && e->call.args.n == 1 && y.type && types_is_untyped(y.type) && is_value(&y)) {
			/* go/types conversion: the argument's final type */
			Type *final = f.type, *u = types_under(f.type);
			bool ctype = u->kind == TY_BASIC && (u->flags & TF_CONST_TYPE) && !types_is_typeparam(f.type);
			if ((types_is_interface(f.type) && !types_is_typeparam(f.type)) || (y.mode == OP_CONST && !ctype) || y.mode == OP_NIL ||
			    y.type->basic.kind == BK_UNTYPED_NIL)
				final = types_default(y.type);
			else if (y.mode == OP_CONST && (y.type->flags & TF_INTEGER) && u->kind == TY_BASIC && (u->flags & TF_STRING))
				final = y.type;
			check_update_type(c, e->call.args.v[0], final, true);
		}
		set(x, OP_VALUE, f.type);
		if (f.type && e->call.args.n == 1 && y.mode == OP_CONST && y.val && y.type) {
			Type *u = types_under(f.type);
			ConstVal *out = NULL;
			if (u->kind == TY_BASIC && (u->flags & TF_CONST_TYPE) && const_convert(c->a, y.val, y.type, u->basic.kind, &out)) {
				x->mode = OP_CONST;
				x->val = out ? out : y.val; /* no rounding needed */
			}
		}
		return;
	}
	if (f.mode == OP_BUILTIN && f.obj) {
		builtin_call(c, file, e, f.obj, x);
		if (x->mode != OP_CONST)
			c->ncallrecv++;
		return;
	}
	c->ncallrecv++;
	bool callable = check_callable_ok(c, file, e, &f);
	Type *sig = f.type && is_value(&f) ? types_under(f.type) : NULL;
	uint32_t n = e->call.args.n;
	Operand *args = ARENA_ARRAY(c->a, Operand, n ? n : 1);
	for (uint32_t i = 0; i < n; i++) {
		Type *hint = NULL;
		if (sig && sig->kind == TY_SIGNATURE && !sig->sig.tparams.len) {
			ObjList ps = sig->sig.params->tuple.vars;
			if (i < ps.len && !(sig->sig.variadic && i + 1 >= ps.len))
				hint = ps.data[i]->type;
		}
		check_expr(c, file, e->call.args.v[i], &args[i], hint);
	}
	check_call_args_ok(c, file, e, args, n);
	set(x, callable ? OP_VALUE : OP_INVALID, NULL);
	if (!callable)
		return;
	if (f.mode == OP_INVALID)
		x->type = check_cgo_result(c, e->call.fun);
	Expr **exprs = e->call.args.v;
	if (n == 1 && args[0].type && args[0].type->kind == TY_TUPLE && args[0].mode == OP_VALUE) {
		/* f(g()) with several results: one operand per result */
		ObjList vs = args[0].type->tuple.vars;
		n = vs.len;
		args = ARENA_ARRAY(c->a, Operand, n ? n : 1);
		exprs = ARENA_ARRAY(c->a, Expr *, n ? n : 1);
		for (uint32_t i = 0; i < n; i++) {
			set(&args[i], OP_VALUE, vs.data[i]->type);
			exprs[i] = e->call.args.v[0];
		}
	}
	bool generic = sig && sig->kind == TY_SIGNATURE && sig->sig.tparams.len;
	bool args_ok = !generic || check_call_args(c, file, e, sig, args, exprs, n); /* arity */
	if (sig && sig->kind == TY_SIGNATURE && sig->sig.tparams.len) {
		uint32_t nt = sig->sig.tparams.len;
		Type **targs = ARENA_ARRAY(c->a, Type *, nt);
		for (uint32_t k = 0; k < f.ntargs && k < nt; k++)
			targs[k] = f.targs[k];
		Type *gsig = sig;
		sig = check_infer(c, sig, targs, args, n, e->call.ellipsis != SYN_NOPOS);
		if (sig) {
			Expr *fx = syn_unparen(e->call.fun);
			bool inst = f.ntargs && (fx->kind == EXPR_INDEX || fx->kind == EXPR_INDEX_LIST);
			check_queue_verify_call(c, file, e, gsig->sig.tparams, targs, inst ? fx->index.indices.v : NULL, inst ? fx->index.indices.n : 0);
		} else {
			check_cannot_infer(c, file, e, gsig, f.ntargs);
		}
	}
	if (!sig || sig->kind != TY_SIGNATURE || sig->sig.tparams.len)
		return;
	if (generic)
		check_record_fun(c, file, e->call.fun, sig);
	if (n == e->call.args.n) { /* untyped arguments take their parameter's type */
		ObjList ps = sig->sig.params->tuple.vars;
		for (uint32_t i = 0; i < n; i++) {
			Type *pt = NULL;
			if (sig->sig.variadic && ps.len && i + 1 >= ps.len) {
				Type *st = types_core_type(ps.data[ps.len - 1]->type);
				if (e->call.ellipsis != SYN_NOPOS)
					pt = i + 1 == ps.len ? ps.data[i]->type : NULL;
				else if (st && st->kind == TY_SLICE)
					pt = st->slice.elem;
			} else if (i < ps.len) {
				pt = ps.data[i]->type;
			}
			if (pt)
				check_assign_untyped(c, e->call.args.v[i], &args[i], pt);
		}
	}
	if (args_ok)
		check_call_args(c, file, e, sig, args, exprs, n);
	ObjList rs = sig->sig.results->tuple.vars;
	if (rs.len == 0)
		x->mode = OP_NOVALUE;
	else if (rs.len == 1)
		x->type = rs.data[0]->type;
	else
		x->type = sig->sig.results;
}

static void composite(Checker *c, uint32_t file, Expr *e, Operand *x, Type *hint)
{
	Type *t = NULL, *rt = NULL;
	Expr *te = e->composite.type;
	if (te && te->kind == EXPR_ARRAY_TYPE && te->array.len && te->array.len->kind == EXPR_ELLIPSIS) {
		Type *elem = check_typexpr(c, file, te->array.elt);
		/* length: the largest index + 1 (constant keys) */
		int64_t n = 0, i = 0;
		bool ok = true;
		for (uint32_t k = 0; k < e->composite.elts.n; k++) {
			Expr *el = e->composite.elts.v[k];
			if (el->kind == EXPR_KEY_VALUE) {
				Operand kx;
				bool rec = c->record;
				c->record = false;
				check_expr(c, file, el->kv.key, &kx, NULL);
				c->record = rec;
				bool exact = false;
				if (kx.mode == OP_CONST && kx.val) {
					ConstVal *iv = const_to_int(c->a, kx.val);
					i = iv ? const_int64_val(iv, &exact) : 0;
				}
				if (!exact)
					ok = false;
			}
			i++;
			if (i > n)
				n = i;
		}
		t = types_new_array(c->a, elem, ok ? n : -1);
		if (ok)
			check_record_type(c, file, te, t);
	} else if (te) {
		t = check_typexpr(c, file, te);
	} else if (hint) {
		t = hint;
		Type *u = types_core_type(t);
		if (u && u->kind == TY_POINTER) {
			t = u->pointer.elem;
			rt = hint; /* &T elided: the literal has the pointer type (go/types) */
		}
	}
	if (t && types_under(t) == check_invalid()) {
		/* an invalid type (C.struct_x in a cgo file): only the values are checked, a key
		 * may be a field name or a value (go/types) */
		for (uint32_t k = 0; k < e->composite.elts.n; k++) {
			Expr *el = e->composite.elts.v[k];
			Operand y;
			check_expr(c, file, el->kind == EXPR_KEY_VALUE ? el->kv.value : el, &y, NULL);
		}
		set(x, OP_VALUE, t);
		return;
	}
	Type *u = t ? types_core_type(t) : NULL;
	for (uint32_t k = 0; k < e->composite.elts.n; k++) {
		Expr *el = e->composite.elts.v[k];
		Operand y;
		if (u && u->kind == TY_STRUCT) {
			if (el->kind == EXPR_KEY_VALUE && el->kv.key->kind == EXPR_IDENT) {
				Object *fo = NULL;
				for (uint32_t i = 0; i < u->strct.fields.len; i++) {
					Object *f = u->strct.fields.data[i];
					if (types_same_id(f, c->pkg, el->kv.key->ident.name)) {
						fo = f;
						break;
					}
				}
				check_recordp(c, file, el->kv.key, fo);
				check_expr(c, file, el->kv.value, &y, fo ? fo->type : NULL);
				if (fo)
					check_assign_untyped(c, el->kv.value, &y, fo->type);
				if (fo && fo->type)
					check_assignment(c, file, el->kv.value, &y, fo->type, "struct literal");
			} else if (el->kind == EXPR_KEY_VALUE) {
				check_expr(c, file, el->kv.value, &y, NULL); /* not a field name: reported with the literal */
			} else {
				Type *ft = k < u->strct.fields.len ? u->strct.fields.data[k]->type : NULL;
				check_expr(c, file, el, &y, ft);
				if (ft)
					check_assign_untyped(c, el, &y, ft);
				if (ft && el->kind != EXPR_KEY_VALUE)
					check_assignment(c, file, el, &y, ft, "struct literal");
			}
			continue;
		}
		Type *kh = NULL, *vh = NULL;
		if (u && u->kind == TY_MAP) {
			kh = u->map.key;
			vh = u->map.elem;
		} else if (u && (u->kind == TY_SLICE || u->kind == TY_ARRAY)) {
			vh = u->kind == TY_SLICE ? u->slice.elem : u->array.elem;
		}
		if (el->kind == EXPR_KEY_VALUE) {
			/* with the literal's type unknown (or one without literals), a key may be a field name */
			bool q = (!u || (u->kind != TY_MAP && u->kind != TY_SLICE && u->kind != TY_ARRAY)) && el->kv.key->kind == EXPR_IDENT;
			c->quiet += q;
			check_expr(c, file, el->kv.key, &y, kh);
			c->quiet -= q;
			if (kh)
				check_assign_untyped(c, el->kv.key, &y, kh);
			else if (u && (u->kind == TY_SLICE || u->kind == TY_ARRAY))
				check_record_convert(c, el->kv.key, &y, types_typ[BK_INT]);
			if (kh)
				check_assignment(c, file, el->kv.key, &y, kh, "map literal");
			check_expr(c, file, el->kv.value, &y, vh);
			if (vh) {
				check_assign_untyped(c, el->kv.value, &y, vh);
				check_assignment(c, file, el->kv.value, &y, vh, u->kind == TY_MAP ? "map literal" : "array or slice literal");
			}
		} else {
			check_expr(c, file, el, &y, vh);
			if (vh) {
				check_assign_untyped(c, el, &y, vh);
				if (u->kind != TY_MAP)
					check_assignment(c, file, el, &y, vh, "array or slice literal");
			}
		}
	}
	check_composite_errs(c, file, e, t, !te && hint);
	set(x, OP_VALUE, rt ? rt : t);
}

/* Indexing a type parameter without a core type: the element type shared by every type
 * of its type set (strings index to byte), NULL when they differ. */
static Type *typeparam_elem(Type *tp)
{
	TypeSet *ts = types_typeset(types_under(tp));
	if (ts->all || ts->nterms == 0)
		return NULL;
	Type *elem = NULL;
	for (uint32_t i = 0; i < ts->nterms; i++) {
		Type *u = types_under(ts->terms[i].type);
		Type *e = NULL;
		if (u->kind == TY_BASIC && (u->flags & TF_STRING))
			e = types_byte;
		else if (u->kind == TY_SLICE)
			e = u->slice.elem;
		else if (u->kind == TY_ARRAY)
			e = u->array.elem;
		else if (u->kind == TY_POINTER && types_under(u->pointer.elem)->kind == TY_ARRAY)
			e = types_under(u->pointer.elem)->array.elem;
		if (!e || (elem && !types_identical(elem, e)))
			return NULL;
		if (!elem)
			elem = e;
	}
	return elem;
}

void check_expr(Checker *c, uint32_t file, Expr *e, Operand *x, Type *hint)
{
	set(x, OP_INVALID, NULL);
	if (!e || ++c->depth > CHECK_MAX_DEPTH) {
		if (e)
			c->depth--;
		return;
	}
	switch (e->kind) {
	case EXPR_BAD:
		break;
	case EXPR_IDENT:
		ident(c, file, e, x);
		break;
	case EXPR_BASIC_LIT: {
		char k = 0;
		BasicKind bk = BK_INVALID;
		TokKind lk = e->lit.kind;
		if (lk == TOK_INT) k = 'i', bk = BK_UNTYPED_INT;
		else if (lk == TOK_FLOAT) k = 'f', bk = BK_UNTYPED_FLOAT;
		else if (lk == TOK_IMAG) k = 'j', bk = BK_UNTYPED_COMPLEX;
		else if (lk == TOK_CHAR) k = 'c', bk = BK_UNTYPED_RUNE;
		else if (lk == TOK_STRING) k = 's', bk = BK_UNTYPED_STRING;
		if (k) {
			set(x, OP_CONST, types_typ[bk]);
			x->val = const_from_literal(c->a, e->lit.text, e->lit.len, k);
		}
		break;
	}
	case EXPR_PAREN:
		check_expr(c, file, e->paren.x, x, hint);
		break;
	case EXPR_SELECTOR:
		selector(c, file, e, x);
		break;
	case EXPR_FUNC_LIT: {
		Scope *save = c->scope;
		Scope *fs = types_new_scope(c->a, c->scope, mkpos(file, e->pos), mkpos(file, e->pos), "function");
		c->scope = fs;
		Type *sig = e->func_lit.type ? check_signature(c, file, e->func_lit.type, fs, NULL) : NULL;
		check_record_type(c, file, e->func_lit.type, sig);
		c->scope = save;
		if (sig && e->func_lit.body)
			check_func_body(c, file, sig, fs, e->func_lit.body);
		set(x, OP_VALUE, sig);
		break;
	}
	case EXPR_COMPOSITE_LIT:
		composite(c, file, e, x, hint);
		break;
	case EXPR_INDEX:
	case EXPR_INDEX_LIST: {
		bool gok = c->generic_ok;
		c->generic_ok = true;
		check_expr(c, file, e->index.x, x, NULL);
		c->generic_ok = gok;
		if (x->mode == OP_TYPE) {
			bool rec = c->record;
			c->record = false;
			Type *t = check_typexpr(c, file, e);
			c->record = rec;
			for (uint32_t i = 0; i < e->index.indices.n; i++)
				check_typexpr(c, file, e->index.indices.v[i]);
			set(x, OP_TYPE, t);
			break;
		}
		Operand y;
		for (uint32_t i = 0; i < e->index.indices.n; i++)
			check_expr(c, file, e->index.indices.v[i], &y, NULL);
		if (e->kind == EXPR_INDEX && x->type && is_value(x)) {
			Type *cu = types_core_type(x->type);
			if (cu && cu->kind == TY_MAP)
				check_assign_untyped(c, e->index.indices.v[0], &y, cu->map.key);
			else if (cu || types_is_typeparam(x->type))
				check_record_convert(c, e->index.indices.v[0], &y, types_typ[BK_INT]);
		}
		Type *fs = x->type && is_value(x) ? types_under(x->type) : NULL;
		if (fs && fs->kind == TY_SIGNATURE && fs->sig.tparams.len) {
			/* explicit (partial) instantiation of a generic function */
			uint32_t nt = fs->sig.tparams.len, ni = e->index.indices.n;
			Type **targs = ARENA_ARRAY(c->a, Type *, nt);
			bool rec = c->record, ok = ni <= nt;
			if (!ok)
				check_errorf(c, file, check_start_pos(e->index.indices.v[nt]), "got %u type arguments but want %u", ni, nt);
			c->record = false;
			for (uint32_t i = 0; ok && i < ni; i++) {
				targs[i] = check_typexpr(c, file, e->index.indices.v[i]);
				ok = targs[i] != check_invalid();
			}
			c->record = rec;
			set(x, OP_VALUE, NULL);
			if (ok && ni == nt) {
				check_queue_verify(c, file, fs->sig.tparams, targs, e->index.indices.v, ni, e->pos);
				x->type = types_instantiate(c->a, fs, targs, nt);
			} else if (ok) {
				x->type = fs;
				x->targs = targs;
				x->ntargs = ni;
			}
			break;
		}
		if (e->kind == EXPR_INDEX && !check_index_ok(c, file, e, x, &y)) {
			set(x, OP_INVALID, NULL);
			break;
		}
		Type *u = x->type && is_value(x) ? types_core_type(x->type) : NULL;
		Type *t = NULL;
		OpMode m = OP_VALUE;
		if (!u && x->type && is_value(x) && e->kind == EXPR_INDEX && types_is_typeparam(x->type))
			t = typeparam_elem(x->type);
		if (u && e->kind == EXPR_INDEX) {
			if (u->kind == TY_POINTER && types_under(u->pointer.elem)->kind == TY_ARRAY) {
				t = types_under(u->pointer.elem)->array.elem;
				m = OP_VAR;
			} else if (u->kind == TY_SLICE) {
				t = u->slice.elem;
				m = OP_VAR;
			} else if (u->kind == TY_ARRAY) {
				t = u->array.elem;
				m = x->mode == OP_VAR ? OP_VAR : OP_VALUE;
			} else if (u->kind == TY_MAP) {
				t = u->map.elem;
			} else if (u->kind == TY_BASIC && (u->flags & TF_STRING)) {
				t = types_byte;
			}
		}
		set(x, t ? m : OP_VALUE, t);
		break;
	}
	case EXPR_SLICE: {
		check_expr(c, file, e->slice.x, x, NULL);
		Operand y[3];
		check_expr(c, file, e->slice.low, &y[0], NULL);
		check_expr(c, file, e->slice.high, &y[1], NULL);
		check_expr(c, file, e->slice.max, &y[2], NULL);
		if (!check_slice_ok(c, file, e, x, y)) {
			set(x, OP_INVALID, NULL);
			break;
		}
		check_record_convert(c, e->slice.low, &y[0], types_typ[BK_INT]);
		check_record_convert(c, e->slice.high, &y[1], types_typ[BK_INT]);
		check_record_convert(c, e->slice.max, &y[2], types_typ[BK_INT]);
		Type *u = x->type && is_value(x) ? types_core_type(x->type) : NULL;
		Type *t = NULL;
		if (u) {
			if (u->kind == TY_SLICE)
				t = x->type;
			else if (u->kind == TY_ARRAY)
				t = types_new_slice(c->a, u->array.elem);
			else if (u->kind == TY_POINTER && types_under(u->pointer.elem)->kind == TY_ARRAY)
				t = types_new_slice(c->a, types_under(u->pointer.elem)->array.elem);
			else if (u->kind == TY_BASIC && (u->flags & TF_STRING))
				t = types_is_untyped(x->type) ? types_typ[BK_STRING] : x->type;
		} else if (x->type && is_value(x) && types_is_typeparam(x->type) && typeparam_elem(x->type) == types_byte) {
			t = x->type; /* []byte | string: slices of it have its type */
		}
		set(x, OP_VALUE, t);
		break;
	}
	case EXPR_TYPE_ASSERT: {
		check_expr(c, file, e->assert.x, x, NULL);
		Type *t = e->assert.type ? check_vartype(c, file, e->assert.type) : NULL;
		if (e->assert.type && !check_assert_ok(c, file, e, x, t, false)) {
			set(x, OP_INVALID, NULL);
			break;
		}
		if (e->assert.type)
			check_type_assert(c, file, e, x, t); /* the causes check_assert_ok leaves */
		set(x, OP_VALUE, t == check_invalid() ? NULL : t);
		break;
	}
	case EXPR_CALL:
		call(c, file, e, x);
		break;
	case EXPR_STAR:
		check_expr(c, file, e->star.x, x, NULL);
		if (!check_unary_ok(c, file, e, x)) {
			set(x, OP_INVALID, NULL);
		} else if (x->mode == OP_TYPE) {
			/* *invalid is invalid (go/types), e.g. *C.char */
			set(x, OP_TYPE, !x->type ? NULL : types_unalias(x->type) == check_invalid() ? check_invalid() : types_new_pointer(c->a, x->type));
		} else {
			Type *u = x->type ? types_core_type(x->type) : NULL;
			set(x, OP_VAR, u && u->kind == TY_POINTER ? u->pointer.elem : NULL);
		}
		break;
	case EXPR_UNARY: {
		TokKind op = e->unary.op;
		Type *h = NULL;
		if (op == TOK_AND && hint) {
			Type *u = types_core_type(hint);
			h = u && u->kind == TY_POINTER ? u->pointer.elem : NULL;
		}
		check_expr(c, file, e->unary.x, x, h);
		if (!check_unary_ok(c, file, e, x)) {
			set(x, OP_INVALID, NULL);
			break;
		}
		if (!is_value(x) || !x->type) {
			set(x, OP_VALUE, NULL);
			break;
		}
		if (op == TOK_AND) {
			set(x, OP_VALUE, types_new_pointer(c->a, x->type));
		} else if (op == TOK_ARROW) {
			c->ncallrecv++;
			Type *u = types_core_type(x->type);
			set(x, OP_VALUE, u && u->kind == TY_CHAN ? u->chan.elem : NULL);
		} else if (op == TOK_NOT) {
			if (x->mode == OP_CONST && x->val && x->val->kind == CK_BOOL)
				x->val = const_make_bool(c->a, !const_bool_val(x->val));
			else
				x->mode = OP_VALUE, x->val = NULL;
		} else if (x->mode == OP_CONST && x->val) {
			bool ok;
			ConstOp o = cop(op, &ok);
			unsigned prec = 0;
			Type *u = types_under(x->type);
			if (op == TOK_XOR && u->kind == TY_BASIC && (u->flags & TF_UNSIGNED))
				prec = (unsigned)(8 * types_sizeof(u));
			ConstVal *r = ok ? const_unary(c->a, o, x->val, prec) : NULL;
			if (r && types_is_untyped(x->type))
				check_untyped_overflow(c, file, e, op, true, &r);
			if (r && !types_is_untyped(x->type) && u->kind == TY_BASIC && !const_representable(c->a, r, u->basic.kind, NULL)) {
				check_const_overflow(c, file, e, r, x->type);
				r = NULL;
			}
			x->val = r;
			if (!r)
				x->mode = OP_VALUE;
		} else {
			x->mode = OP_VALUE;
			x->val = NULL;
		}
		break;
	}
	case EXPR_BINARY:
		binary(c, file, e, x);
		break;
	case EXPR_KEY_VALUE: {
		Operand y;
		check_expr(c, file, e->kv.key, &y, NULL);
		check_expr(c, file, e->kv.value, x, NULL);
		break;
	}
	case EXPR_ELLIPSIS:
	case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE:
	case EXPR_INTERFACE_TYPE:
	case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE:
		set(x, OP_TYPE, check_typexpr(c, file, e));
		break;
	case EXPR__COUNT:
		break;
	}
	check_record_tv(c, file, e, x);
	c->depth--;
}

/* A constant's type and value from its (possibly inherited) type and initializer. */
void check_const_spec(Checker *c, uint32_t file, Expr *typ, Expr *init, Object *obj, int64_t iota)
{
	int64_t save = c->iota;
	c->iota = iota;
	Type *t = typ ? check_typexpr(c, file, typ) : NULL;
	Operand x;
	set(&x, OP_INVALID, NULL);
	if (init) {
		check_expr(c, file, init, &x, t);
		check_assign_untyped(c, init, &x, t ? t : x.type);
	}
	if (init && t && x.mode == OP_CONST)
		check_assignment(c, file, init, &x, t, "constant declaration");
	c->iota = save;
	if (x.mode != OP_CONST || !x.type) {
		obj->type = t ? t : check_invalid();
		obj->cnst.val = const_unknown();
		return;
	}
	obj->type = t ? t : x.type;
	obj->cnst.val = x.val ? x.val : const_unknown();
	if (t) {
		Type *u = types_under(t);
		ConstVal *out = NULL;
		if (u->kind == TY_BASIC && x.val && const_convert(c->a, x.val, x.type, u->basic.kind, &out) && out)
			obj->cnst.val = out;
	}
}
