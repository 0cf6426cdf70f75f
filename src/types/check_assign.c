/*
 * check_assign.c: assignability errors, as types2 (the checker gc prints) reports them.
 *
 * go/types counterparts: assignments.go (assignment, initVars/assignVars mismatches,
 * returnError, lhsVar), call.go arguments() (arity, ... misuse), expr.go and const.go
 * (implicitTypeAndValue, representable, overflow), operand.go (assignableTo causes) and
 * lookup.go (missingMethod causes). Operator, conversion and index errors are check_ops.c's and
 * check_errs_expr.c's; expressions and operands are printed by check_errfmt.c.
 *
 * The expression checker calls in here where a value meets a type: an untyped value is first
 * converted to its target (default types, representability: "(truncated)", "(overflows)"),
 * then the typed value must be assignable. Messages describe operands as types2 does
 * (`x (variable of struct type T)`, `300 (untyped int constant)`). Positions are the start of the offending expression (types2's atPos).
 *
 * The hard rule: nothing is reported when a type involved is unknown (NULL) or invalid, so an
 * incompletely typed expression never yields an error on correct code.
 */
#include "types/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- small string buffer helpers ---- */

static void bput(TypesBuf *b, const char *s)
{
	for (; *s; s++)
		vec_push(b, *s);
}

static void bputn(TypesBuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vec_push(b, s[i]);
}

static void btype(Checker *c, TypesBuf *b, Type *t)
{
	if (!t)
		bput(b, "unknown type");
	else
		types_write_rel(b, t, c->pkg);
}

/* The buffer's text copied into the arena; the buffer is freed. */
static const char *bdone(Checker *c, TypesBuf *b)
{
	char *s = arena_strndup(c->a, b->data ? b->data : "", b->len);
	vec_free(b);
	return s;
}

/* ---- operands (printed by check_errfmt.c) ---- */

static bool is_value(const Operand *x) { return x->mode == OP_CONST || x->mode == OP_VAR || x->mode == OP_VALUE || x->mode == OP_NIL; }

static bool known(Type *t) { return t && t != check_invalid() && !(t->kind == TY_BASIC && t->basic.kind == BK_INVALID); }

/* Whether e (unparenthesized) indexes a map: types2's mapindex mode. */
static bool is_map_index(Checker *c, uint32_t file, Expr *e)
{
	e = e ? syn_unparen(e) : NULL;
	if (!e || e->kind != EXPR_INDEX)
		return false;
	Operand m;
	bool rec = c->record;
	c->record = false;
	check_expr(c, file, e->index.x, &m, NULL);
	c->record = rec;
	Type *u = is_value(&m) && m.type ? types_core_type(m.type) : NULL;
	return u && u->kind == TY_MAP;
}

static const char *type_str(Checker *c, Type *t) { return check_type_str(c, t); }

/* The position types2 reports an operand at: the start of its expression. */
static uint32_t at(Expr *e) { return e ? syn_expr_pos(e) : 0; }

/* ---- untyped values meeting a type (implicitTypeAndValue) ---- */

typedef enum { IC_OK, IC_TRUNCATED, IC_OVERFLOW, IC_INVALID } ImplicitCode;

static Type *implicit_type(Checker *c, const Operand *x, Type *target, ConstVal **val, ImplicitCode *code, int depth);

/* Every type of a type parameter's type set takes x (underIs). */
static bool tparam_takes(Checker *c, const Operand *x, Type *tp, int depth)
{
	TypeSet *ts = types_typeset(types_under(tp));
	if (ts->all || ts->nterms == 0)
		return false;
	for (uint32_t i = 0; i < ts->nterms; i++) {
		ConstVal *v = NULL;
		ImplicitCode code = IC_OK;
		Type *u = ts->terms[i].type ? types_under(ts->terms[i].type) : NULL;
		if (!u || !implicit_type(c, x, u, &v, &code, depth + 1))
			return false;
	}
	return true;
}

static Type *implicit_type(Checker *c, const Operand *x, Type *target, ConstVal **val, ImplicitCode *code, int depth)
{
	*val = NULL;
	*code = IC_OK;
	if (depth > 8)
		return NULL;
	if (!types_is_untyped(x->type))
		return x->type;
	BasicKind xk = x->type->basic.kind;
	bool isnil = xk == BK_UNTYPED_NIL;
	if (types_is_untyped(target)) {
		if (types_identical(x->type, target))
			return target;
		if ((x->type->flags & TF_NUMERIC) && (target->flags & TF_NUMERIC))
			return xk > target->basic.kind ? x->type : target;
		*code = IC_INVALID;
		return NULL;
	}
	Type *ua = types_unalias(target);
	if (ua->kind == TY_TYPEPARAM) {
		if (!tparam_takes(c, x, ua, depth)) {
			*code = IC_INVALID;
			return NULL;
		}
		return isnil ? types_typ[BK_UNTYPED_NIL] : target;
	}
	Type *u = types_under(target);
	switch (u->kind) {
	case TY_BASIC:
		if (x->mode == OP_CONST && x->val) {
			ConstVal *r = NULL;
			ConstRepCode rc = const_representation(c->a, x->val, x->type, u->basic.kind, &r);
			switch (rc) {
			case CREP_OK: *val = r; return target;
			case CREP_TRUNCATED: *code = IC_TRUNCATED; return NULL;
			case CREP_OVERFLOW: *code = IC_OVERFLOW; return NULL;
			case CREP_INVALID: *code = IC_INVALID; return NULL;
			}
			return NULL;
		}
		if (x->mode == OP_CONST)
			return target; /* unknown value */
		if (xk == BK_UNTYPED_NIL) {
			if (u->basic.kind != BK_UNSAFE_POINTER)
				goto invalid;
			return types_typ[BK_UNTYPED_NIL];
		}
		/* untyped bool, numeric or string values take a type of the same family */
		if (!(u->flags & x->type->flags & (TF_BOOLEAN | TF_STRING)) &&
		    !((u->flags & TF_NUMERIC) && (x->type->flags & TF_NUMERIC)))
			goto invalid;
		return target;
	case TY_INTERFACE:
		if (isnil)
			return types_typ[BK_UNTYPED_NIL];
		if (!types_is_empty_iface(u) && types_typeset(u)->methods.len)
			goto invalid;
		return types_default(x->type);
	case TY_POINTER:
	case TY_SIGNATURE:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
		if (!isnil)
			goto invalid;
		return types_typ[BK_UNTYPED_NIL];
	case TY_ARRAY:
	case TY_STRUCT:
	case TY_TUPLE:
	case TY_UNION:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		goto invalid;
	}
invalid:
	*code = IC_INVALID;
	return NULL;
}

/* ---- why a type does not implement an interface (missingMethod's causes) ---- */

static bool is_iface_ptr(Type *t)
{
	Type *u = types_under(t);
	return u->kind == TY_POINTER && types_is_interface(u->pointer.elem);
}

static void func_string(Checker *c, TypesBuf *b, Object *f)
{
	bput(b, f->name ? f->name->s : "_");
	Type *sig = f->type;
	if (!sig || sig->kind != TY_SIGNATURE)
		return;
	/* "(params) results" as a func type without the keyword */
	Type *bare = types_new_signature(c->a, NULL, sig->sig.params, sig->sig.results, sig->sig.variadic);
	size_t n = b->len;
	btype(c, b, bare);
	/* drop the leading "func" */
	if (b->len - n >= 4 && memcmp(b->data + n, "func", 4) == 0) {
		memmove(b->data + n, b->data + n + 4, b->len - n - 4);
		b->len -= 4;
	}
}

static bool case_fold_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return *a == *b;
}

/* "(missing method M)" and the like, for V not implementing interface T; false when none
 * of missingMethod's causes applies. */
static bool missing_cause(Checker *c, Type *v, Type *t, TypesBuf *b)
{
	TypeSet *ts = types_typeset(types_under(t));
	Type *vu = types_under(v);
	for (uint32_t i = 0; i < ts->methods.len; i++) {
		Object *m = ts->methods.data[i];
		Object *f = NULL;
		if (vu->kind == TY_INTERFACE && !types_is_typeparam(v)) {
			TypeSet *vs = types_typeset(vu);
			for (uint32_t j = 0; j < vs->methods.len && !f; j++)
				if (types_same_id(vs->methods.data[j], m->pkg, m->name))
					f = vs->methods.data[j];
			if (!f) {
				bput(b, "(missing method ");
				bput(b, m->name->s);
				bput(b, ")");
				return true;
			}
		} else {
			LookupResult r = types_lookup_field_or_method(c->a, v, false, m->pkg, m->name);
			if (!r.obj) {
				if (r.ambiguous) {
					bput(b, "(ambiguous selector ");
					btype(c, b, v);
					bput(b, ".");
					bput(b, m->name->s);
					bput(b, ")");
				} else if (r.needs_addr) {
					bput(b, "(method ");
					bput(b, m->name->s);
					bput(b, " has pointer receiver)");
				} else if (is_iface_ptr(v) || is_iface_ptr(t)) {
					bput(b, "(type ");
					btype(c, b, is_iface_ptr(v) ? v : t);
					bput(b, " is pointer to interface, not interface)");
				} else {
					/* a method of another spelling: wrong name or unexported */
					ObjList ms = types_method_set(c->a, v);
					Object *g = NULL;
					for (uint32_t k = 0; k < ms.len && !g; k++)
						if (ms.data[k]->name && case_fold_eq(ms.data[k]->name->s, m->name->s))
							g = ms.data[k];
					if (g && strcmp(g->name->s, m->name->s) == 0) {
						bput(b, "(unexported method ");
						bput(b, m->name->s);
						bput(b, ")");
					} else if (g) {
						bput(b, "(missing method ");
						bput(b, m->name->s);
						bput(b, ")\n\t\thave ");
						func_string(c, b, g);
						bput(b, "\n\t\twant ");
						func_string(c, b, m);
					} else {
						bput(b, "(missing method ");
						bput(b, m->name->s);
						bput(b, ")");
					}
				}
				return true;
			}
			if (r.obj->kind != OBJ_FUNC) {
				bput(b, "(");
				btype(c, b, v);
				bput(b, ".");
				bput(b, m->name->s);
				bput(b, " is a field, not a method)");
				return true;
			}
			f = r.obj;
		}
		if (!f->type || !m->type)
			return false;
		if (!types_identical(f->type, m->type)) {
			TypesBuf fs = {0}, ms = {0};
			func_string(c, &fs, f);
			func_string(c, &ms, m);
			bput(b, "(wrong type for method ");
			bput(b, m->name->s);
			bput(b, ")");
			if (fs.len != ms.len || memcmp(fs.data, ms.data, fs.len) != 0) {
				bput(b, "\n\t\thave ");
				bputn(b, fs.data, fs.len);
				bput(b, "\n\t\twant ");
				bputn(b, ms.data, ms.len);
			}
			vec_free(&fs);
			vec_free(&ms);
			return true;
		}
	}
	return false;
}

/* operand.assignableTo's cause when V is not assignable to T ("" when none). */
static void assign_cause(Checker *c, Type *v, Type *t, TypesBuf *b)
{
	Type *tu = types_under(t);
	bool vp = types_is_typeparam(v), tp = types_is_typeparam(t);
	if ((tu->kind == TY_INTERFACE && !tp) || is_iface_ptr(t)) {
		if (vp)
			return;
		if (tu->kind != TY_INTERFACE) {
			btype(c, b, v);
			bput(b, " does not implement ");
			btype(c, b, t);
			bput(b, " (type ");
			btype(c, b, t);
			bput(b, " is pointer to interface, not interface)");
			return;
		}
		TypesBuf m = {0};
		if (missing_cause(c, v, t, &m)) {
			btype(c, b, v);
			bput(b, " does not implement ");
			btype(c, b, t);
			bput(b, " ");
			bputn(b, m.data, m.len);
		}
		vec_free(&m);
		return;
	}
	Type *vu = types_under(v);
	if (vu->kind == TY_INTERFACE && !vp && types_implements(t, v))
		bput(b, "need type assertion");
}

/* ---- assignment ---- */

/* Whether t involves an unknown or invalid type anywhere on the surface (conservative). */
static bool usable(Type *t)
{
	if (!known(t))
		return false;
	Type *u = types_under(t);
	return u && u != check_invalid() && !(u->kind == TY_BASIC && u->basic.kind == BK_INVALID);
}

/* A multi-valued or no-value operand used as one value: reported, true. */
bool check_single_value(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	if (x->mode == OP_NOVALUE) {
		check_errorf(c, file, at(e), "%s used as value", check_operand_str(c, e, x));
		x->mode = OP_INVALID;
		return true;
	}
	if (is_value(x) && x->type && x->type->kind == TY_TUPLE) {
		check_errorf(c, file, at(e), "multiple-value %s in single-value context", check_operand_str(c, e, x));
		x->mode = OP_INVALID;
		return true;
	}
	return false;
}

bool check_assignment(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t, const char *context)
{
	if (x->mode == OP_NOVALUE)
		return !check_single_value(c, file, e, x);
	if (!is_value(x) || !x->type || !known(x->type))
		return true;
	if (check_single_value(c, file, e, x))
		return false;
	if (t && !usable(t))
		return true;
	if (x->mode == OP_VAR && types_is_untyped(x->type))
		return true; /* a variable of an invalid type (type switch on a non-interface) */
	if (types_is_untyped(x->type)) {
		bool isnil = x->type->basic.kind == BK_UNTYPED_NIL;
		Type *target = t;
		if (isnil && !t) {
			check_errorf(c, file, at(e), "use of untyped nil in %s", context);
			x->mode = OP_INVALID;
			return false;
		}
		if (!t || (types_is_interface(t) && !types_is_typeparam(t)))
			target = types_default(x->type);
		ConstVal *v = NULL;
		ImplicitCode code = IC_OK;
		Type *nt = implicit_type(c, x, target, &v, &code, 0);
		if (!nt) {
			check_errorf(c, file, at(e), "cannot use %s as %s value in %s%s", check_operand_str(c, e, x),
			             type_str(c, target), context,
			             code == IC_TRUNCATED ? " (truncated)" : code == IC_OVERFLOW ? " (overflows)" : "");
			x->mode = OP_INVALID;
			return false;
		}
		if (v)
			x->val = v;
		x->type = nt;
	}
	if (!t || types_is_untyped(x->type))
		return true;
	Type *su = types_under(x->type);
	if (su->kind == TY_SIGNATURE && su->sig.tparams.len)
		return true; /* generic function values: instantiated from context elsewhere */
	if (types_assignable(x->type, t))
		return true;
	if (types_is_interface(t) && !types_is_typeparam(t)) {
		/* no follow-on errors for blank or invalid interface methods (types2 reported them) */
		TypeSet *ts = types_typeset(types_under(t));
		for (uint32_t i = 0; i < ts->methods.len; i++) {
			Object *m = ts->methods.data[i];
			if (!m->name || m->name == types_name_blank || !m->type || check_mentions_invalid(m->type))
				return true;
			LookupResult r = types_lookup_field_or_method(c->a, x->type, false, m->pkg, m->name);
			if (r.obj && (!r.obj->type || check_mentions_invalid(r.obj->type)))
				return true;
		}
	}
	TypesBuf cause = {0};
	assign_cause(c, x->type, t, &cause);
	const char *cs = bdone(c, &cause);
	check_errorf(c, file, at(e), "cannot use %s as %s value in %s%s%s", check_operand_str(c, e, x), type_str(c, t),
	             context, *cs ? ": " : "", cs);
	x->mode = OP_INVALID;
	return false;
}

static const char *measure(Checker *c, uint32_t n, const char *unit)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%u %s%s", n, unit, n == 1 ? "" : "s");
	return arena_strndup(c->a, buf, strlen(buf));
}

void check_assign_mismatch(Checker *c, uint32_t file, ExprList rhs, uint32_t l, uint32_t r)
{
	if (!rhs.n)
		return;
	Expr *r0 = rhs.v[0];
	Expr *u = syn_unparen(r0);
	if (rhs.n == 1 && u->kind == EXPR_CALL)
		check_errorf(c, file, at(r0), "assignment mismatch: %s but %s returns %s", measure(c, l, "variable"),
		             check_expr_str(c, u->call.fun), measure(c, r, "value"));
	else
		check_errorf(c, file, at(r0), "assignment mismatch: %s but %s", measure(c, l, "variable"), measure(c, r, "value"));
}

/* typesSummary: "(number, string)", variadic "...T", dots "T...". */
static void types_summary(Checker *c, TypesBuf *b, Type **ts, uint32_t n, bool variadic, bool dots)
{
	bput(b, "(");
	for (uint32_t i = 0; i < n; i++) {
		Type *t = ts[i];
		if (i)
			bput(b, ", ");
		bool last = i + 1 == n;
		if (last && variadic)
			bput(b, "...");
		if (!known(t)) {
			bput(b, "unknown type");
		} else if (types_is_untyped(t)) {
			if (t->flags & TF_NUMERIC)
				bput(b, "number");
			else
				bput(b, t->basic.name + (strncmp(t->basic.name, "untyped ", 8) == 0 ? 8 : 0));
		} else if (last && variadic && types_unalias(t)->kind == TY_SLICE) {
			btype(c, b, types_unalias(t)->slice.elem);
		} else {
			btype(c, b, t);
		}
		if (last && dots)
			bput(b, "...");
	}
	bput(b, ")");
}

static Type **tuple_types(Checker *c, Type *tuple)
{
	ObjList vs = tuple->tuple.vars;
	Type **ts = ARENA_ARRAY(c->a, Type *, vs.len ? vs.len : 1);
	for (uint32_t i = 0; i < vs.len; i++)
		ts[i] = vs.data[i]->type;
	return ts;
}

/* Arguments of a call of a (non-generic or instantiated) signature: count, ... use, and each
 * argument assigned to its parameter. exprs[i] is the argument expression of args[i] (the
 * one call f(g()) for all of g's results). */
bool check_call_args(Checker *c, uint32_t file, Expr *call, Type *sig, Operand *args, Expr **exprs, uint32_t nargs)
{
	if (!sig || sig->kind != TY_SIGNATURE)
		return false;
	for (uint32_t i = 0; i < nargs; i++)
		if ((nargs > 1 || args[i].mode == OP_NOVALUE) && check_single_value(c, file, exprs[i], &args[i]))
			return false;
	for (uint32_t i = 0; i < nargs; i++)
		if (!is_value(&args[i]) || !args[i].type || !known(args[i].type) || args[i].type->kind == TY_TUPLE)
			return false;
	ObjList ps = sig->sig.params->tuple.vars;
	for (uint32_t i = 0; i < ps.len; i++)
		if (!ps.data[i]->type || !known(ps.data[i]->type))
			return false;
	bool ddd = call->call.ellipsis != SYN_NOPOS;
	uint32_t npars = ps.len;
	const char *fun = check_expr_str(c, call->call.fun);
	if (sig->sig.variadic) {
		if (ddd) {
			if (call->call.args.n == 1 && nargs > 1) {
				check_errorf(c, file, at(call), "cannot use ... with %u-valued %s", nargs, check_expr_str(c, call->call.args.v[0]));
				return false;
			}
		} else if (nargs + 1 >= npars) {
			npars = nargs;
		} else {
			npars--;
		}
	} else if (ddd) {
		check_errorf(c, file, at(call), "cannot use ... in call to non-variadic %s", fun);
		return false;
	}
	if (nargs != npars) {
		uint32_t pos;
		const char *q = "not enough";
		if (nargs > npars) {
			pos = at(exprs[npars]);
			q = "too many";
		} else if (nargs > 0) {
			pos = at(exprs[nargs - 1]);
		} else {
			pos = at(call);
		}
		Type **ats = ARENA_ARRAY(c->a, Type *, nargs ? nargs : 1);
		for (uint32_t i = 0; i < nargs; i++)
			ats[i] = args[i].type;
		TypesBuf b = {0};
		bput(&b, "\n\thave ");
		types_summary(c, &b, ats, nargs, false, ddd);
		bput(&b, "\n\twant ");
		types_summary(c, &b, tuple_types(c, sig->sig.params), ps.len, sig->sig.variadic, false);
		check_errorf(c, file, pos, "%s arguments in call to %s%s", q, fun, bdone(c, &b));
		return false;
	}
	if (sig->sig.tparams.len)
		return true;
	for (uint32_t i = 0; i < ps.len; i++)
		if (!usable(ps.data[i]->type))
			return true;
	const char *ctx = NULL;
	for (uint32_t i = 0; i < nargs; i++) {
		Type *pt;
		if (sig->sig.variadic && !ddd && i + 1 >= ps.len) {
			Type *st = types_unalias(ps.data[ps.len - 1]->type);
			if (st->kind != TY_SLICE)
				return true;
			pt = st->slice.elem;
		} else {
			pt = ps.data[i]->type;
		}
		if (!ctx) {
			TypesBuf b = {0};
			bput(&b, "argument to ");
			bput(&b, fun);
			ctx = bdone(c, &b);
		}
		check_assignment(c, file, exprs[i], &args[i], pt, ctx);
	}
	return true;
}

/* A return statement's values against the function's results. */
void check_return(Checker *c, uint32_t file, Stmt *s, Type *sig, Operand *xs, uint32_t n)
{
	if (!sig || sig->kind != TY_SIGNATURE)
		return;
	ObjList rs = sig->sig.results->tuple.vars;
	ExprList el = s->ret.results;
	if (el.n == 0 && rs.len && rs.data[0]->name && !types_name_empty(rs.data[0]->name))
		return; /* naked return with named results */
	Expr **exprs = ARENA_ARRAY(c->a, Expr *, (n ? n : 1));
	for (uint32_t i = 0; i < n; i++) {
		exprs[i] = el.n == n ? el.v[i] : el.v[0];
		if (!is_value(&xs[i]) || !xs[i].type || !known(xs[i].type))
			return;
	}
	for (uint32_t i = 0; i < rs.len; i++)
		if (!usable(rs.data[i]->type))
			return;
	if (n == rs.len) {
		for (uint32_t i = 0; i < n; i++)
			check_assignment(c, file, exprs[i], &xs[i], rs.data[i]->type, "return statement");
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		if (xs[i].type->kind == TY_TUPLE)
			return;
	uint32_t pos = s->pos;
	const char *q = "not enough";
	if (n > rs.len) {
		pos = at(exprs[rs.len]);
		q = "too many";
	} else if (n > 0) {
		pos = at(exprs[n - 1]);
	} else {
		pos = syn_stmt_pos(s);
	}
	Type **ats = ARENA_ARRAY(c->a, Type *, n ? n : 1);
	for (uint32_t i = 0; i < n; i++)
		ats[i] = xs[i].type;
	TypesBuf b = {0};
	bput(&b, "\n\thave ");
	types_summary(c, &b, ats, n, false, false);
	bput(&b, "\n\twant ");
	types_summary(c, &b, tuple_types(c, sig->sig.results), rs.len, false, false);
	check_errorf(c, file, pos, "%s return values%s", q, bdone(c, &b));
}

/* The left-hand side of `=`: it must be addressable or a map index expression. */
bool check_assign_lhs(Checker *c, uint32_t file, Expr *l, Operand *x)
{
	if (x->mode == OP_VAR || !x->type || !known(x->type))
		return true;
	if (x->mode != OP_VALUE && x->mode != OP_CONST && x->mode != OP_NIL)
		return true;
	Expr *u = syn_unparen(l);
	if (u->kind == EXPR_INDEX) {
		Operand b;
		bool rec = c->record;
		c->record = false;
		check_expr(c, file, u->index.x, &b, NULL);
		c->record = rec;
		if (!is_value(&b) || !b.type || types_is_typeparam(b.type))
			return true;
		Type *cu = types_core_type(b.type);
		if (!cu || cu->kind == TY_MAP)
			return true;
	}
	if (u->kind == EXPR_SELECTOR && is_map_index(c, file, u->selector.x)) {
		check_errorf(c, file, at(l), "cannot assign to struct field %s in map", check_expr_str(c, l));
		return false;
	}
	if (u->kind == EXPR_SELECTOR) {
		Operand b;
		bool rec = c->record;
		c->record = false;
		check_expr(c, file, u->selector.x, &b, NULL);
		c->record = rec;
		if (!is_value(&b) || !b.type || types_is_typeparam(b.type))
			return true;
	}
	check_errorf(c, file, at(l), "cannot assign to %s (neither addressable nor a map index expression)", check_expr_str(c, l));
	return false;
}


/* ---- constants that do not fit their type (representable, invalidConversion) ---- */

/* types2 invalidConversion: "X truncated to T", "X overflows T", "cannot convert X to type T". */
static void invalid_conversion(Checker *c, uint32_t file, Expr *e, const Operand *x, Type *t, ImplicitCode code)
{
	const char *xs = check_operand_str(c, e, x), *ts = type_str(c, t);
	if (code == IC_TRUNCATED)
		check_errorf(c, file, at(e), "%s truncated to %s", xs, ts);
	else if (code == IC_OVERFLOW)
		check_errorf(c, file, at(e), "%s overflows %s", xs, ts);
	else
		check_errorf(c, file, at(e), "cannot convert %s to type %s", xs, ts);
}

/* A typed constant result v of expression e that does not fit its type t (overflow()). */
void check_const_overflow(Checker *c, uint32_t file, Expr *e, ConstVal *v, Type *t)
{
	if (!v || v->kind == CK_UNKNOWN || !known(t) || types_is_untyped(t) || types_is_typeparam(t))
		return;
	Type *u = types_under(t);
	if (u->kind != TY_BASIC)
		return;
	ConstVal *r = NULL;
	ConstRepCode rc = const_representation(c->a, v, t, u->basic.kind, &r);
	if (rc == CREP_OK)
		return;
	Operand x = {.mode = OP_CONST, .type = t, .val = v};
	invalid_conversion(c, file, e, &x, u, rc == CREP_TRUNCATED ? IC_TRUNCATED : rc == CREP_OVERFLOW ? IC_OVERFLOW : IC_INVALID);
}


/* ---- variable declarations (resolver.go arity, initVars) ---- */

/* n names and m values, m neither n nor 1: "extra init expr" or "missing init expr for". */
void check_var_arity(Checker *c, uint32_t file, ExprList names, ExprList values)
{
	if (!values.n || values.n == names.n || values.n == 1)
		return;
	if (names.n < values.n)
		check_errorf(c, file, at(values.v[names.n]), "extra init expr %s", check_expr_str(c, values.v[names.n]));
	else
		check_errorf(c, file, at(names.v[values.n]), "missing init expr for %s", check_expr_str(c, names.v[values.n]));
}

/* var a, b [T] = f(): the one value x of rhs must have as many results as names, each
 * assignable to t. */
void check_var_n1(Checker *c, uint32_t file, ExprList names, Expr *rhs, Operand *x, Type *t)
{
	uint32_t n = names.n;
	if (!is_value(x) || !known(x->type)) {
		if (x->mode == OP_NOVALUE)
			check_single_value(c, file, rhs, x);
		return;
	}
	Expr *r = syn_unparen(rhs);
	ExprList one = {&rhs, 1};
	if (x->type->kind == TY_TUPLE) {
		ObjList vs = x->type->tuple.vars;
		if (vs.len != n) {
			check_assign_mismatch(c, file, one, n, vs.len);
			return;
		}
		for (uint32_t i = 0; t && i < n; i++) {
			Operand y = {.mode = OP_VALUE, .type = vs.data[i]->type};
			check_assignment(c, file, rhs, &y, t, "assignment");
		}
		return;
	}
	if (n == 2 && (r->kind == EXPR_INDEX || r->kind == EXPR_TYPE_ASSERT || (r->kind == EXPR_UNARY && r->unary.op == TOK_ARROW))) {
		if (t)
			check_assignment(c, file, rhs, x, t, "assignment");
		return;
	}
	check_assign_mismatch(c, file, one, n, 1);
}

/* x op= y: y meets x as in the binary operation x op y (check_ops.c: untyped conversion,
 * mismatched types, zero divisor, shift count). */
void check_op_assign(Checker *c, uint32_t file, Stmt *s, Operand *x, Operand *y)
{
	TokKind tok = s->assign.tok;
	if (tok < TOK_ADD_ASSIGN || tok > TOK_AND_NOT_ASSIGN || s->assign.lhs.n != 1 || s->assign.rhs.n != 1)
		return;
	Expr bin = {.kind = EXPR_BINARY, .pos = s->pos};
	bin.binary.op = (TokKind)(TOK_ADD + (tok - TOK_ADD_ASSIGN));
	bin.binary.x = s->assign.lhs.v[0];
	bin.binary.y = s->assign.rhs.v[0];
	Operand xx = *x;
	TokKind op = bin.binary.op;
	if (op != TOK_SHL && op != TOK_SHR && is_value(x) && is_value(y) && known(x->type) && known(y->type) &&
	    x->type->kind != TY_TUPLE && y->type->kind != TY_TUPLE && !types_is_typeparam(x->type) &&
	    !types_is_typeparam(y->type) && !types_is_untyped(x->type)) {
		/* mismatched types are worded with the assignment operator: "x += y (mismatched ...)" */
		bool mismatch;
		Type *xu = types_under(x->type);
		if (!types_is_untyped(y->type))
			mismatch = !types_identical(x->type, y->type);
		else if (y->type->basic.kind == BK_UNTYPED_NIL || xu->kind == TY_INTERFACE)
			mismatch = false;
		else
			mismatch = xu->kind != TY_BASIC ||
			           !(((xu->flags & TF_NUMERIC) && (y->type->flags & TF_NUMERIC)) || (xu->flags & y->type->flags & (TF_STRING | TF_BOOLEAN)));
		if (mismatch) {
			check_errorf(c, file, at(bin.binary.x), "invalid operation: %s %s %s (mismatched types %s and %s)",
			             check_expr_str(c, bin.binary.x), syn_tok_string(tok), check_expr_str(c, bin.binary.y),
			             type_str(c, x->type), type_str(c, y->type));
			return;
		}
	}
	check_binary_ok(c, file, &bin, &xx, y);
}

/* The elements appended by append(s, x...) (without ...), assigned to s's element type. */
void check_builtin_args(Checker *c, uint32_t file, Expr *call, BuiltinId id, Operand *ops)
{
	ExprList args = call->call.args;
	if (id != BI_APPEND || !args.n || !is_value(&ops[0]) || !known(ops[0].type) || ops[0].mode == OP_NIL)
		return;
	Type *u = types_core_type(ops[0].type);
	if (!u || u->kind != TY_SLICE || call->call.ellipsis != SYN_NOPOS)
		return;
	for (uint32_t i = 1; i < args.n; i++) {
		check_assign_untyped(c, args.v[i], &ops[i], u->slice.elem); /* recorded first (Info.Types) */
		check_assignment(c, file, args.v[i], &ops[i], u->slice.elem, "argument to append");
	}
}

/* An untyped integer constant beyond 512 bits (overflow()): "constant addition overflow" at
 * the operator; *v becomes NULL. */
void check_untyped_overflow(Checker *c, uint32_t file, Expr *e, TokKind op, bool unary, ConstVal **v)
{
	if (!*v || !const_untyped_overflows(*v))
		return;
	const char *name = NULL;
	if (unary)
		name = op == TOK_XOR ? "bitwise complement " : "";
	else
		name = op == TOK_ADD ? "addition " : op == TOK_SUB ? "subtraction " : op == TOK_XOR ? "bitwise XOR " :
		       op == TOK_MUL ? "multiplication " : op == TOK_SHL ? "shift " : "";
	check_errorf(c, file, e->pos, "constant %soverflow", name);
	*v = NULL; /* the operand goes on as a non-constant value */
}
