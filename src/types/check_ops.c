/*
 * check_ops.c: the errors of operators, as types2's expr.go reports them: operands that are
 * not values (types, calls without results, uncalled builtins), operators not defined on their
 * operand types, mismatched operand types (after the implicit conversion of untyped operands,
 * matchTypes), comparisons (assignability, comparable and ordered types), shifts (integer
 * operands, shift counts), division by a constant zero, &x of unaddressable operands, *x of
 * non-pointers and receives from non-channels or send-only channels.
 *
 * The checks are called by check_body.c with the operands it evaluated; they only ever report
 * when every type involved is known. Operands whose type involves a type parameter are left
 * alone (their type sets need the full go/types rules), and so are the delayed checks of
 * untyped operands of non-constant shifts.
 */
#include "types/check.h"

#include <string.h>

#define INVALID_OP "invalid operation: "

/* A value operand whose type is known (a single value). */
bool check_known_value(const Operand *x)
{
	if (x->mode != OP_CONST && x->mode != OP_VAR && x->mode != OP_VALUE && x->mode != OP_NIL)
		return false;
	if (!x->type || x->type == check_invalid() || x->type->kind == TY_TUPLE)
		return false;
	Type *u = types_under(x->type);
	return u && u != check_invalid(); /* a type in a cycle has an invalid underlying type */
}

static bool has_tparam(Type *t)
{
	Type *u = types_unalias(t);
	return !u || u->kind == TY_TYPEPARAM;
}

static uint32_t basic_flags(Type *t)
{
	Type *u = types_under(t);
	return u->kind == TY_BASIC ? u->flags : 0;
}

static bool is_nil(const Operand *x) { return x->mode == OP_NIL || (x->type && x->type == types_typ[BK_UNTYPED_NIL]); }

static bool has_nil(Type *t)
{
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC: return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_SLICE:
	case TY_POINTER:
	case TY_SIGNATURE:
	case TY_MAP:
	case TY_CHAN:
	case TY_INTERFACE: return true;
	case TY_ARRAY:
	case TY_STRUCT:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT: return false;
	}
	return false;
}

/* check.exclude and check.singleValue: a type, a call without result, a builtin or several
 * values where a value is needed.
 * what_types: the context also excludes types ("used as value" rather than "used as value or
 * type"). */
bool check_value_ok(Checker *c, uint32_t file, Expr *e, Operand *x, bool no_types)
{
	const char *msg = NULL;
	switch (x->mode) {
	case OP_NOVALUE: msg = no_types ? "%s used as value" : "%s used as value or type"; break;
	case OP_BUILTIN: msg = "%s must be called"; break;
	case OP_TYPE:
		if (no_types)
			msg = "%s is not an expression";
		break;
	case OP_VALUE:
		if (x->type && x->type->kind == TY_TUPLE && x->type->tuple.vars.len != 1)
			msg = "multiple-value %s in single-value context";
		break;
	case OP_INVALID:
	case OP_CONST:
	case OP_VAR:
	case OP_PKG:
	case OP_NIL: break;
	}
	if (!msg || !e)
		return true;
	check_errorf(c, file, syn_expr_pos(e), msg, check_operand_str(c, e, x));
	return false;
}

/* implicitTypeAndValue + convertUntyped: the type an untyped operand takes next to target;
 * false (and the error reported) when it cannot. */
bool check_convert_untyped(Checker *c, uint32_t file, Expr *e, Operand *x, Type *target)
{
	if (!types_is_untyped(x->type) || has_tparam(target))
		return true;
	if (types_is_untyped(target)) {
		uint32_t xf = basic_flags(x->type), tf = basic_flags(target);
		if ((xf & TF_NUMERIC) && (tf & TF_NUMERIC)) {
			BasicKind xk = x->type->basic.kind, tk = target->basic.kind;
			if (tk > xk)
				x->type = target;
		}
		return true;
	}
	Type *u = types_under(target);
	bool ok = true;
	const char *fmt = "cannot convert %s to type %s";
	if (is_nil(x)) {
		ok = has_nil(target);
	} else if (u->kind == TY_BASIC) {
		if (x->mode == OP_CONST && x->val) {
			ConstVal *r = NULL;
			switch (const_representation(c->a, x->val, x->type, u->basic.kind, &r)) {
			case CREP_OK: break;
			case CREP_TRUNCATED: ok = false; fmt = "%s truncated to %s"; break;
			case CREP_OVERFLOW: ok = false; fmt = "%s overflows %s"; break;
			case CREP_INVALID: ok = false; break;
			}
		} else if (x->mode == OP_CONST) {
			return true; /* unknown value */
		} else {
			uint32_t xf = basic_flags(x->type);
			if (xf & TF_BOOLEAN)
				ok = (u->flags & TF_BOOLEAN) != 0;
			else if (xf & TF_NUMERIC)
				ok = (u->flags & TF_NUMERIC) != 0;
			else if (xf & TF_STRING)
				ok = (u->flags & TF_STRING) != 0;
			else
				ok = false;
		}
	} else if (u->kind == TY_INTERFACE) {
		if (!types_is_empty_iface(u))
			ok = false;
		else {
			x->type = types_default(x->type);
			return true;
		}
	} else {
		ok = false;
	}
	if (!ok) {
		check_errorf(c, file, syn_expr_pos(e), fmt, check_operand_str(c, e, x), check_type_str(c, u));
		return false;
	}
	x->type = target;
	return true;
}

/* matchTypes' mayConvert */
static bool may_convert(const Operand *x, const Operand *y)
{
	if (!types_is_untyped(x->type) && !types_is_untyped(y->type))
		return false;
	uint32_t xf = basic_flags(x->type), yf = basic_flags(y->type);
	if (!(xf & TF_NUMERIC) != !(yf & TF_NUMERIC))
		return false;
	if (types_is_interface(x->type) || types_is_interface(y->type))
		return true;
	if (!(xf & TF_BOOLEAN) != !(yf & TF_BOOLEAN))
		return false;
	if (!(xf & TF_STRING) != !(yf & TF_STRING))
		return false;
	if (is_nil(x))
		return has_nil(y->type);
	if (is_nil(y))
		return has_nil(x->type);
	if (types_under(x->type)->kind == TY_POINTER || types_under(y->type)->kind == TY_POINTER)
		return false;
	return true;
}

/* comparableType's cause: why t cannot be compared ("" when there is no specific one). */
static const char *incomparable_cause(Checker *c, Type *t, int depth)
{
	Type *u = types_under(t);
	if (depth > 50)
		return "";
	switch (u->kind) {
	case TY_SLICE:
	case TY_SIGNATURE:
	case TY_MAP:
		if (depth == 0) {
			const char *k = check_composite_kind(t);
			size_t n = strlen(k) + 32;
			char *s = arena_alloc(c->a, n);
			snprintf(s, n, "%s can only be compared to nil", k);
			return s;
		}
		return "";
	case TY_STRUCT:
		for (uint32_t i = 0; i < u->strct.fields.len; i++) {
			Type *ft = u->strct.fields.data[i]->type;
			if (ft && !types_comparable_type(ft)) {
				const char *ts = check_type_str(c, ft);
				size_t n = strlen(ts) + 40;
				char *s = arena_alloc(c->a, n);
				snprintf(s, n, "struct containing %s cannot be compared", ts);
				return s;
			}
		}
		return "";
	case TY_ARRAY: {
		const char *ts = check_type_str(c, t);
		size_t n = strlen(ts) + 24;
		char *s = arena_alloc(c->a, n);
		snprintf(s, n, "%s cannot be compared", ts);
		return s;
	}
	case TY_BASIC:
	case TY_POINTER:
	case TY_CHAN:
	case TY_INTERFACE:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		return "";
	}
	return "";
}

static void cmp_error(Checker *c, uint32_t file, Expr *e, Expr *at, TokKind op, Type *errt, const char *cause)
{
	if (!cause || !*cause) {
		const char *what = check_composite_kind(errt);
		if (!*what)
			what = check_type_str(c, errt);
		size_t n = strlen(what) + 40;
		char *s = arena_alloc(c->a, n);
		snprintf(s, n, "operator %s not defined on %s", syn_tok_string(op), what);
		cause = s;
	}
	check_errorf(c, file, syn_expr_pos(at), INVALID_OP "%s %s %s (%s)", check_expr_str(c, e->binary.x), syn_tok_string(op),
	             check_expr_str(c, e->binary.y), cause);
}

static bool comparison_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y)
{
	TokKind op = e->binary.op;
	Expr *ex = e->binary.x, *ey = e->binary.y;
	bool ok = types_assignable(x->type, y->type) || types_assignable(y->type, x->type);
	if (!ok) {
		const char *xs = check_type_str(c, x->type), *ys = check_type_str(c, y->type);
		size_t n = strlen(xs) + strlen(ys) + 32;
		char *s = arena_alloc(c->a, n);
		snprintf(s, n, "mismatched types %s and %s", xs, ys);
		cmp_error(c, file, e, ey, op, y->type, s);
		return false;
	}
	if (op == TOK_EQL || op == TOK_NEQ) {
		if (is_nil(x) || is_nil(y)) {
			Type *t = is_nil(x) ? y->type : x->type;
			if (!has_nil(t)) {
				cmp_error(c, file, e, ey, op, y->type, NULL);
				return false;
			}
		} else if (!types_comparable_type(x->type)) {
			cmp_error(c, file, e, ex, op, x->type, incomparable_cause(c, x->type, 0));
			return false;
		} else if (!types_comparable_type(y->type)) {
			cmp_error(c, file, e, ey, op, y->type, incomparable_cause(c, y->type, 0));
			return false;
		}
		return true;
	}
	if (!(basic_flags(x->type) & TF_ORDERED)) {
		cmp_error(c, file, e, ex, op, x->type, NULL);
		return false;
	}
	if (!(basic_flags(y->type) & TF_ORDERED)) {
		cmp_error(c, file, e, ey, op, y->type, NULL);
		return false;
	}
	return true;
}

static bool shift_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y)
{
	Expr *ex = e->binary.x, *ey = e->binary.y;
	ConstVal *xv = x->mode == OP_CONST && x->val ? const_to_int(c->a, x->val) : NULL;
	bool xint = (basic_flags(x->type) & TF_INTEGER) && !types_is_untyped(x->type);
	if (types_is_untyped(x->type) && x->mode == OP_CONST && !x->val)
		return true;
	if (!(xint || (types_is_untyped(x->type) && xv && xv->kind == CK_INT))) {
		if (types_is_untyped(x->type) && x->mode != OP_CONST)
			return true; /* the delayed check of a non-constant shift's untyped operand */
		check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "shifted operand %s must be integer", check_operand_str(c, ex, x));
		return false;
	}
	ConstVal *yv = NULL;
	if (y->mode == OP_CONST) {
		if (!y->val)
			return true;
		yv = const_to_int(c->a, y->val);
		if (yv->kind == CK_INT && const_sign(yv) < 0) {
			check_errorf(c, file, syn_expr_pos(ey), INVALID_OP "negative shift count %s", check_operand_str(c, ey, y));
			return false;
		}
		if (types_is_untyped(y->type)) {
			ConstVal *r = NULL;
			const char *fmt = NULL;
			switch (const_representation(c->a, y->val, y->type, BK_UINT, &r)) {
			case CREP_OK: break;
			case CREP_TRUNCATED: fmt = "%s truncated to %s"; break;
			case CREP_OVERFLOW: fmt = "%s overflows %s"; break;
			case CREP_INVALID: fmt = "cannot convert %s to type %s"; break;
			}
			if (fmt) {
				check_errorf(c, file, syn_expr_pos(ey), fmt, check_operand_str(c, ey, y), "uint");
				return false;
			}
		}
	} else {
		uint32_t yf = basic_flags(y->type);
		if (types_is_untyped(y->type)) {
			if (!(yf & TF_NUMERIC)) {
				check_errorf(c, file, syn_expr_pos(ey), "cannot convert %s to type %s", check_operand_str(c, ey, y), "uint");
				return false;
			}
		} else if (!(yf & TF_INTEGER)) {
			check_errorf(c, file, syn_expr_pos(ey), INVALID_OP "shift count %s must be integer", check_operand_str(c, ey, y));
			return false;
		}
	}
	if (x->mode == OP_CONST && y->mode == OP_CONST && yv && x->val) {
		bool exact = false;
		uint64_t s = yv->kind == CK_INT ? const_uint64_val(yv, &exact) : 0;
		if (yv->kind == CK_INT && (!exact || s > 1023 - 1 + 52)) {
			check_errorf(c, file, syn_expr_pos(ey), INVALID_OP "invalid shift count %s", check_operand_str(c, ey, y));
			return false;
		}
	}
	return true;
}

static bool all_flags(Type *t, uint32_t f) { return (basic_flags(t) & f) != 0; }

/* binaryOpPredicates */
static bool op_defined(TokKind op, Type *t)
{
	if (op == TOK_ADD)
		return all_flags(t, TF_NUMERIC | TF_STRING);
	if (op == TOK_SUB || op == TOK_MUL || op == TOK_QUO)
		return all_flags(t, TF_NUMERIC);
	if (op == TOK_REM || op == TOK_AND || op == TOK_OR || op == TOK_XOR || op == TOK_AND_NOT)
		return all_flags(t, TF_INTEGER);
	if (op == TOK_LAND || op == TOK_LOR)
		return all_flags(t, TF_BOOLEAN);
	return true;
}

bool check_binary_ok(Checker *c, uint32_t file, Expr *e, Operand *x0, Operand *y0)
{
	Expr *ex = e->binary.x, *ey = e->binary.y;
	bool okx = check_value_ok(c, file, ex, x0, true);
	bool oky = check_value_ok(c, file, ey, y0, true);
	if (!okx || !oky)
		return false;
	if (!check_known_value(x0) || !check_known_value(y0) || has_tparam(x0->type) || has_tparam(y0->type))
		return true;
	Operand x = *x0, y = *y0;
	TokKind op = e->binary.op;
	if (op == TOK_SHL || op == TOK_SHR)
		return shift_ok(c, file, e, &x, &y);
	if (may_convert(&x, &y)) {
		if (!check_convert_untyped(c, file, ex, &x, y.type))
			return false;
		if (!check_convert_untyped(c, file, ey, &y, x.type))
			return false;
	}
	if (op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ)
		return comparison_ok(c, file, e, &x, &y);
	if (!types_identical(x.type, y.type)) {
		check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "%s (mismatched types %s and %s)", check_expr_str(c, e),
		             check_type_str(c, x.type), check_type_str(c, y.type));
		return false;
	}
	if (!op_defined(op, x.type)) {
		check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "operator %s not defined on %s", syn_tok_string(op), check_operand_str(c, ex, &x));
		return false;
	}
	if ((op == TOK_QUO || op == TOK_REM) && y.mode == OP_CONST && y.val && (x.mode == OP_CONST || all_flags(x.type, TF_INTEGER)) &&
	    y.val->kind >= CK_INT && const_sign(y.val) == 0) {
		check_errorf(c, file, syn_expr_pos(ey), INVALID_OP "division by zero");
		return false;
	}
	return true;
}

/* The operand of a unary operator (types2 unary, and *x): false when an error was reported. */
bool check_unary_ok(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	Expr *ex = e->kind == EXPR_STAR ? e->star.x : e->unary.x;
	if (e->kind == EXPR_STAR) {
		if (x->mode == OP_TYPE || !check_value_ok(c, file, ex, x, false))
			return x->mode == OP_TYPE;
		if (!check_known_value(x) || has_tparam(x->type))
			return true;
		if (types_under(x->type)->kind != TY_POINTER) {
			check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "cannot indirect %s", check_operand_str(c, ex, x));
			return false;
		}
		return true;
	}
	if (!check_value_ok(c, file, ex, x, true))
		return false;
	if (!check_known_value(x) || has_tparam(x->type))
		return true;
	TokKind op = e->unary.op;
	if (op == TOK_AND) {
		Expr *u = syn_unparen(ex);
		if (u->kind == EXPR_COMPOSITE_LIT || x->mode == OP_VAR)
			return true;
		/* an index of a type parameter's value may be addressable: left alone */
		if (u->kind == EXPR_INDEX) {
			Operand b;
			bool rec = c->record;
			c->record = false;
			c->quiet++;
			check_expr(c, file, u->index.x, &b, NULL);
			c->quiet--;
			c->record = rec;
			if (!b.type || has_tparam(b.type))
				return true;
		}
		check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "cannot take address of %s", check_operand_str(c, ex, x));
		return false;
	}
	if (op == TOK_ARROW) {
		Type *u = types_under(x->type);
		if (u->kind == TY_CHAN && u->chan.dir != CHAN_SEND)
			return true;
		check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "cannot receive from %s %s %s",
		             u->kind == TY_CHAN ? "send-only channel" : "non-channel", check_type_str(c, x->type), check_operand_str(c, ex, x));
		return false;
	}
	bool ok = true;
	if (op == TOK_ADD || op == TOK_SUB)
		ok = all_flags(x->type, TF_NUMERIC);
	else if (op == TOK_XOR)
		ok = all_flags(x->type, TF_INTEGER);
	else if (op == TOK_NOT)
		ok = all_flags(x->type, TF_BOOLEAN);
	if (ok)
		return true;
	check_errorf(c, file, syn_expr_pos(ex), INVALID_OP "operator %s not defined on %s", syn_tok_string(op), check_operand_str(c, ex, x));
	return false;
}
