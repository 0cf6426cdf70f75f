/*
 * check_errs_builtin.c: errors of calls of the builtins, as types2's builtins.go reports them:
 * "..." where it is not allowed, argument counts, and the argument checks of len, cap,
 * append, close, copy, delete, make, clear, min, max, complex, real and imag.
 *
 * The operands are the ones check_body.c evaluated for the call; nothing is reported when an
 * argument's type is unknown or a type parameter, nor the assignability of the arguments
 * (append's values, panic's and print's arguments), which is the assignment checks' business.
 */
#include "types/check.h"

#include <string.h>

#define INVALID_OP "invalid operation: "
#define INVALID_ARG "invalid argument: "

static bool unknown(const Operand *x)
{
	if (!check_known_value(x))
		return true;
	Type *u = types_unalias(x->type);
	return !u || u->kind == TY_TYPEPARAM;
}

static bool is_nil(const Operand *x) { return x->mode == OP_NIL || x->type == types_typ[BK_UNTYPED_NIL]; }

/* A value y used as a value of type t (map keys of delete): reported only when the kinds
 * cannot match at all; representability is the assignment checks' business. */
bool check_simple_assign_ok(Checker *c, uint32_t file, Expr *ye, Operand *y, Type *t, const char *context)
{
	if (unknown(y) || !t || t == check_invalid() || types_is_typeparam(t))
		return true;
	if (types_assignable(y->type, t))
		return true;
	check_errorf(c, file, syn_expr_pos(ye), "cannot use %s as %s value in %s", check_operand_str(c, ye, y), check_type_str(c, t), context);
	return false;
}

static bool slice_elem(Checker *c, uint32_t file, Expr *xe, Operand *x, const char *what, Type **elem)
{
	*elem = NULL;
	Type *u = types_under(x->type);
	if (u->kind == TY_SLICE) {
		*elem = u->slice.elem;
		return true;
	}
	if (is_nil(x))
		check_errorf(c, file, syn_expr_pos(xe), "invalid %s: argument must be a slice; have untyped nil", what);
	else
		check_errorf(c, file, syn_expr_pos(xe), "invalid %s: argument must be a slice; have %s", what, check_operand_str(c, xe, x));
	return false;
}

static bool basic_kind_is(Type *t, BasicKind k)
{
	Type *u = types_under(t);
	return u->kind == TY_BASIC && u->basic.kind == k;
}

bool check_builtin_ok(Checker *c, uint32_t file, Expr *e, BuiltinId id, Operand *ops, uint32_t n)
{
	const BuiltinInfo *bi = &types_builtins[id];
	ExprList args = e->call.args;
	if (e->call.ellipsis != SYN_NOPOS && id != BI_APPEND) {
		check_errorf(c, file, syn_expr_pos(e), INVALID_OP "invalid use of ... with built-in %s", bi->name);
		return false;
	}
	bool type_first = id == BI_MAKE || id == BI_NEW || id == BI_OFFSETOF;
	uint32_t nargs = n;
	if (!type_first) {
		bool ok = true;
		for (uint32_t i = 0; i < n; i++)
			if (!(n == 1 && ops[i].type && ops[i].type->kind == TY_TUPLE) && !check_value_ok(c, file, args.v[i], &ops[i], true))
				ok = false;
		if (!ok)
			return false;
		for (uint32_t i = 0; i < n; i++) {
			if (ops[i].mode == OP_INVALID)
				return true;
			if (ops[i].type && ops[i].type->kind == TY_TUPLE) {
				if (n != 1)
					return true;
				nargs = ops[i].type->tuple.vars.len;
			}
		}
	}
	const char *msg = NULL;
	if ((int)nargs < bi->nargs)
		msg = "not enough";
	else if (!bi->variadic && (int)nargs > bi->nargs)
		msg = "too many";
	if (msg) {
		check_errorf(c, file, syn_expr_pos(e), INVALID_OP "%s arguments for %s (expected %d, found %u)", msg, check_expr_str(c, e), bi->nargs,
		             nargs);
		return false;
	}
	if (nargs != n)
		return true; /* f() with several results as the arguments */
	Expr *xe = n ? args.v[0] : NULL;
	Operand *x = n ? &ops[0] : NULL;
	switch (id) {
	case BI_APPEND: {
		if (unknown(x) && !is_nil(x))
			return true;
		Type *el;
		return slice_elem(c, file, xe, x, "append", &el);
	}
	case BI_LEN:
	case BI_CAP: {
		if (unknown(x))
			return true;
		Type *u = types_under(x->type);
		if (u->kind == TY_POINTER && types_under(u->pointer.elem)->kind == TY_ARRAY)
			u = types_under(u->pointer.elem);
		bool ok = false;
		switch (u->kind) {
		case TY_BASIC: ok = (u->flags & TF_STRING) && id == BI_LEN; break;
		case TY_ARRAY:
		case TY_SLICE:
		case TY_CHAN: ok = true; break;
		case TY_MAP: ok = id == BI_LEN; break;
		case TY_POINTER:
		case TY_STRUCT:
		case TY_SIGNATURE:
		case TY_INTERFACE:
		case TY_UNION:
		case TY_TUPLE:
		case TY_NAMED:
		case TY_TYPEPARAM:
		case TY_ALIAS:
		case TY_COUNT: break;
		}
		if (!ok && x->type != types_typ[BK_UNTYPED_NIL]) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "%s for built-in %s", check_operand_str(c, xe, x), bi->name);
			return false;
		}
		if (!ok) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "nil for built-in %s", bi->name);
			return false;
		}
		return true;
	}
	case BI_CLEAR: {
		if (unknown(x))
			return true;
		Type *u = types_under(x->type);
		if (u->kind == TY_MAP || u->kind == TY_SLICE)
			return true;
		check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "cannot clear %s: argument must be (or constrained by) map or slice",
		             check_operand_str(c, xe, x));
		return false;
	}
	case BI_CLOSE: {
		if (unknown(x))
			return true;
		Type *u = types_under(x->type);
		if (u->kind != TY_CHAN) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_OP "cannot close non-channel %s", check_operand_str(c, xe, x));
			return false;
		}
		if (u->chan.dir == CHAN_RECV) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_OP "cannot close receive-only channel %s", check_operand_str(c, xe, x));
			return false;
		}
		return true;
	}
	case BI_COPY: {
		Operand *y = &ops[1];
		Expr *ye = args.v[1];
		if ((unknown(x) && !is_nil(x)) || (unknown(y) && !is_nil(y)))
			return true;
		Type *de, *se;
		if (!slice_elem(c, file, xe, x, "copy", &de))
			return false;
		Type *yu = types_under(y->type);
		if (yu->kind == TY_BASIC && (yu->flags & TF_STRING))
			se = types_byte;
		else if (!slice_elem(c, file, ye, y, "copy", &se))
			return false;
		if (!types_identical(de, se)) {
			check_errorf(c, file, syn_expr_pos(xe), "invalid copy: arguments %s and %s have different element types %s and %s",
			             check_operand_str(c, xe, x), check_operand_str(c, ye, y), check_type_str(c, de), check_type_str(c, se));
			return false;
		}
		return true;
	}
	case BI_DELETE: {
		if (unknown(x))
			return true;
		Type *u = types_under(x->type);
		if (u->kind != TY_MAP) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "%s is not a map", check_operand_str(c, xe, x));
			return false;
		}
		return check_simple_assign_ok(c, file, args.v[1], &ops[1], u->map.key, "argument to delete");
	}
	case BI_MAKE: {
		if (x->mode != OP_TYPE && xe->kind == EXPR_IDENT && x->mode != OP_INVALID) {
			Object *o = check_lookup(c, xe->ident.name);
			if (o && o->kind != OBJ_TYPENAME) {
				check_not_a_type(c, file, xe, o);
				return false;
			}
		}
		if (x->mode != OP_TYPE || !x->type || x->type == check_invalid() || types_is_typeparam(x->type))
			return true;
		Type *u = types_under(x->type);
		int min = u->kind == TY_SLICE ? 2 : 1;
		if (u->kind != TY_SLICE && u->kind != TY_MAP && u->kind != TY_CHAN) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "cannot make %s: type must be slice, map, or channel", check_expr_str(c, xe));
			return false;
		}
		if ((int)n < min || min + 1 < (int)n) {
			check_errorf(c, file, syn_expr_pos(e), INVALID_OP "%s expects %d or %d arguments; found %u", check_expr_str(c, e), min, min + 1, n);
			return false;
		}
		int64_t sizes[2];
		int ns = 0;
		for (uint32_t i = 1; i < n; i++) {
			int64_t v;
			if (!check_index_value_ok(c, file, args.v[i], &ops[i], -1, &v))
				return false;
			if (v >= 0)
				sizes[ns++] = v;
		}
		if (ns == 2 && sizes[0] > sizes[1]) {
			check_errorf(c, file, syn_expr_pos(args.v[1]), INVALID_ARG "length and capacity swapped");
			return false;
		}
		return true;
	}
	case BI_MAX:
	case BI_MIN:
		for (uint32_t i = 0; i < n; i++) {
			if (unknown(&ops[i]))
				return true;
			if (!(types_under(ops[i].type)->flags & TF_ORDERED) || types_under(ops[i].type)->kind != TY_BASIC) {
				check_errorf(c, file, syn_expr_pos(args.v[i]), INVALID_ARG "%s cannot be ordered", check_operand_str(c, args.v[i], &ops[i]));
				return false;
			}
		}
		return true;
	case BI_REAL:
	case BI_IMAG:
		if (unknown(x) || types_is_untyped(x->type))
			return true;
		if (basic_kind_is(x->type, BK_COMPLEX64) || basic_kind_is(x->type, BK_COMPLEX128))
			return true;
		check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "argument has type %s, expected complex type", check_type_str(c, x->type));
		return false;
	case BI_COMPLEX: {
		Operand a = ops[0], b = ops[1];
		if (unknown(&a) || unknown(&b))
			return true;
		bool ua = types_is_untyped(a.type), ub = types_is_untyped(b.type);
		if (ua && ub)
			return true;
		if (ua && !check_convert_untyped(c, file, xe, &a, b.type))
			return false;
		if (ub && !check_convert_untyped(c, file, args.v[1], &b, a.type))
			return false;
		if (!types_identical(a.type, b.type)) {
			check_errorf(c, file, syn_expr_pos(xe), INVALID_OP "%s (mismatched types %s and %s)", check_expr_str(c, e), check_type_str(c, a.type),
			             check_type_str(c, b.type));
			return false;
		}
		if (basic_kind_is(a.type, BK_FLOAT32) || basic_kind_is(a.type, BK_FLOAT64))
			return true;
		check_errorf(c, file, syn_expr_pos(xe), INVALID_ARG "arguments have type %s, expected floating-point", check_type_str(c, a.type));
		return false;
	}
	case BI_NEW:
	case BI_PANIC:
	case BI_PRINT:
	case BI_PRINTLN:
	case BI_RECOVER:
	case BI_ADD:
	case BI_ALIGNOF:
	case BI_OFFSETOF:
	case BI_SIZEOF:
	case BI_SLICE:
	case BI_SLICEDATA:
	case BI_STRING:
	case BI_STRINGDATA:
	case BI_COUNT:
		break;
	}
	return true;
}
