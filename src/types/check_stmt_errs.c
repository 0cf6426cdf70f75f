/*
 * check_stmt_errs.c: errors of statement structure, as types2 (gc) reports them: duplicate
 * cases in expression and type switches (with the previous case on a continuation line),
 * type switches on non-interfaces, impossible type switch cases and type assertions, range
 * expressions that cannot be ranged over and too many iteration variables.
 *
 * Every check is silent where a type or a constant value is unknown.
 */
#include "types/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The source text of an expression on one line (types2 prints ExprString; for the simple
 * expressions these errors are about it is the same text). NULL when unsuitable. */
static const char *expr_text(Checker *c, uint32_t file, Expr *e)
{
	SrcFile *sf = srcfile_get(file);
	uint32_t a = syn_expr_pos(e), b = syn_expr_end(e);
	if (!sf || a == SYN_NOPOS || b == SYN_NOPOS || b <= a || b > sf->len || b - a > 200)
		return NULL;
	for (uint32_t i = a; i < b; i++)
		if (sf->text[i] == '\n' || sf->text[i] == '\t')
			return NULL;
	return arena_strndup(c->a, sf->text + a, b - a);
}

/* types2 operandString (check_operand_str) for variables, values and constants whose
 * printing is certain: "x (variable of type int)", "Red (constant 0 of int type Color)",
 * "3.5 (untyped float constant)". NULL when unsure (map index and comma-ok modes, which the
 * checker folds into values, type parameters, unprintable expressions). */
const char *check_opstr(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	if (!x->type || x->type == check_invalid())
		return NULL;
	Expr *u = syn_unparen(e);
	switch (x->mode) {
	case OP_VAR:
	case OP_CONST:
		break;
	case OP_VALUE:
		if (u->kind == EXPR_INDEX || u->kind == EXPR_TYPE_ASSERT || (u->kind == EXPR_UNARY && u->unary.op == TOK_ARROW))
			return NULL;
		break;
	case OP_INVALID:
	case OP_NOVALUE:
	case OP_TYPE:
	case OP_BUILTIN:
	case OP_PKG:
	case OP_NIL:
		return NULL;
	}
	if (!expr_text(c, file, e) || types_unalias(x->type)->kind == TY_TYPEPARAM)
		return NULL;
	return check_operand_str(c, e, x);
}

/* ---- switch statements ---- */

typedef struct SeenCase {
	ConstVal *val;
	Type *type;
	uint32_t pos;
} SeenCase;

/* Duplicate constant cases of an expression switch (types2 caseValues). The case values
 * are evaluated again without recording. */
void check_switch_dups(Checker *c, uint32_t file, Stmt *s, Operand *tag)
{
	if (!s->switch_.tag || !tag->type || tag->type == check_invalid() || (tag->mode != OP_VAR && tag->mode != OP_VALUE && tag->mode != OP_CONST))
		return;
	Type *tt = types_is_untyped(tag->type) ? types_default(tag->type) : tag->type;
	Type *tu = types_under(tt);
	if (tu->kind != TY_BASIC || !(tu->flags & (TF_INTEGER | TF_STRING | TF_FLOAT | TF_BOOLEAN)))
		return; /* only the basic constant kinds are compared */
	Vec(SeenCase) seen = {0};
	Stmt *body = s->switch_.body;
	for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
		Stmt *cl = body->block.list.v[i];
		if (cl->kind != STMT_CASE_CLAUSE)
			continue;
		for (uint32_t k = 0; k < cl->case_clause.list.n; k++) {
			Expr *e = cl->case_clause.list.v[k];
			Operand v;
			bool rec = c->record;
			c->record = false;
			check_expr(c, file, e, &v, tt);
			c->record = rec;
			if (v.mode != OP_CONST || !v.val || !v.type || v.type == check_invalid())
				continue;
			Type *vt = v.type;
			if (types_is_untyped(vt)) {
				ConstVal *cv = NULL;
				if (!const_convert(c->a, v.val, vt, tu->basic.kind, &cv))
					continue; /* not representable: another error */
				if (cv)
					v.val = cv;
				vt = tt;
			}
			if (!types_identical(vt, tt))
				continue;
			v.type = vt;
			uint32_t at = check_start_pos(e);
			bool dup = false;
			for (size_t j = 0; j < seen.len && !dup; j++) {
				if (types_identical(seen.data[j].type, vt) && const_compare(seen.data[j].val, COP_EQL, v.val)) {
					dup = true;
					const char *os = check_opstr(c, file, e, &v);
					if (os)
						check_errorf(c, file, at, "duplicate case %s in expression switch\n\t%s: previous case", os,
						             check_pos_str(c, (Pos){file, seen.data[j].pos}));
				}
			}
			if (!dup) {
				SeenCase sc = {v.val, vt, at};
				vec_push(&seen, sc);
			}
		}
	}
	vec_free(&seen);
}

/* The switch expression of a type switch must be an interface. */
bool check_type_switch_x(Checker *c, uint32_t file, Expr *x, Operand *op)
{
	if (!op->type || op->type == check_invalid() || (op->mode != OP_VAR && op->mode != OP_VALUE))
		return false;
	Type *u = types_unalias(op->type);
	if (u->kind == TY_TYPEPARAM)
		return false; /* another error */
	if (types_under(op->type)->kind == TY_INTERFACE)
		return true;
	const char *os = check_opstr(c, file, x, op);
	if (os)
		check_errorf(c, file, check_start_pos(x), "%s is not an interface", os);
	return false;
}

/* "(missing method M)" and its variants: why t cannot have dynamic type... (t concrete). */
static const char *missing_cause(Checker *c, Type *t, Type *iface)
{
	bool wrong = false, ptr = false;
	Object *m = types_missing_method(c->a, t, iface, &wrong, &ptr);
	if (!m)
		return NULL;
	char buf[300];
	if (ptr)
		snprintf(buf, sizeof buf, "(method %s has pointer receiver)", m->name->s);
	else if (wrong)
		snprintf(buf, sizeof buf, "(wrong type for method %s)", m->name->s);
	else
		snprintf(buf, sizeof buf, "(missing method %s)", m->name->s);
	return arena_strndup(c->a, buf, strlen(buf));
}

/* A type switch case T (not an interface) that x's interface type rules out. */
void check_type_case(Checker *c, uint32_t file, Expr *te, Type *t, Expr *x, Operand *xop)
{
	if (!t || !check_type_known(t, 0) || !xop->type || types_under(xop->type)->kind != TY_INTERFACE)
		return;
	if (types_under(t)->kind == TY_INTERFACE || types_unalias(t)->kind == TY_TYPEPARAM)
		return;
	const char *cause = missing_cause(c, t, types_under(xop->type));
	if (!cause)
		return;
	const char *ts = expr_text(c, file, te), *xs = check_opstr(c, file, x, xop);
	if (!ts || !xs)
		return;
	check_errorf(c, file, check_start_pos(te), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", ts, xs,
	             check_tstr(c, t), cause);
}

/* Duplicate types among the cases of a type switch (nil included). */
void check_type_case_dup(Checker *c, uint32_t file, Expr *te, Type *t, bool is_nil, Expr **prev_e, Type **prev_t, uint32_t nprev)
{
	if (!is_nil && (!t || !check_type_known(t, 0)))
		return;
	for (uint32_t j = 0; j < nprev; j++) {
		bool same = is_nil ? prev_t[j] == NULL : prev_t[j] && types_identical(prev_t[j], t);
		if (!same)
			continue;
		check_errorf(c, file, check_start_pos(te), "duplicate case %s in type switch\n\t%s: previous case", is_nil ? "nil" : check_tstr(c, t),
		             check_pos_str(c, (Pos){file, check_start_pos(prev_e[j])}));
		return;
	}
}

/* x.(T): x must be an interface, and T must be able to implement it. */
void check_type_assert(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t)
{
	if (!x->type || x->type == check_invalid() || (x->mode != OP_VAR && x->mode != OP_VALUE))
		return;
	Type *xu = types_unalias(x->type);
	if (xu->kind == TY_TYPEPARAM)
		return;
	if (types_under(x->type)->kind != TY_INTERFACE) {
		const char *os = check_opstr(c, file, e->assert.x, x);
		if (os)
			check_errorf(c, file, check_start_pos(e->assert.x), "invalid operation: %s is not an interface", os);
		return;
	}
	if (!t || !check_type_known(t, 0) || types_under(t)->kind == TY_INTERFACE || types_unalias(t)->kind == TY_TYPEPARAM)
		return;
	const char *cause = missing_cause(c, t, types_under(x->type));
	if (!cause)
		return;
	const char *es = expr_text(c, file, e);
	if (es)
		check_errorf(c, file, check_start_pos(e), "impossible type assertion: %s\n\t%s does not implement %s %s", es, check_tstr(c, t),
		             check_tstr(c, x->type), cause);
}

/* range x: what cannot be ranged over, and iteration variables x does not provide. */
void check_range_errs(Checker *c, uint32_t file, Stmt *s, Operand *x)
{
	if (!x->type || x->type == check_invalid() || (x->mode != OP_VAR && x->mode != OP_VALUE && x->mode != OP_CONST))
		return;
	if (types_unalias(x->type)->kind == TY_TYPEPARAM)
		return;
	Type *u = types_under(x->type);
	if (u->kind == TY_POINTER) {
		Type *a = types_under(u->pointer.elem);
		if (!a || a == check_invalid())
			return;
		u = a->kind == TY_ARRAY ? a : u;
		if (a->kind != TY_ARRAY) {
			const char *os = check_opstr(c, file, s->range.x, x);
			if (os)
				check_errorf(c, file, check_start_pos(s->range.x), "cannot range over %s", os);
			return;
		}
	}
	bool one = false; /* integers and channels: only one iteration variable */
	switch (u->kind) {
	case TY_BASIC:
		if (u->basic.kind == BK_INVALID || u->basic.kind == BK_UNTYPED_NIL)
			return;
		if (u->flags & TF_STRING)
			break;
		if (u->flags & TF_INTEGER) {
			one = true;
			break;
		}
		/* fallthrough: bool, floats, complex numbers, unsafe.Pointer */
		{
			const char *os = check_opstr(c, file, s->range.x, x);
			if (os)
				check_errorf(c, file, check_start_pos(s->range.x), "cannot range over %s", os);
		}
		return;
	case TY_STRUCT:
	case TY_INTERFACE: {
		const char *os = check_opstr(c, file, s->range.x, x);
		if (os)
			check_errorf(c, file, check_start_pos(s->range.x), "cannot range over %s", os);
		return;
	}
	case TY_CHAN:
		if (u->chan.dir == CHAN_SEND)
			return; /* "receive from send-only channel": a cause we do not word */
		one = true;
		break;
	case TY_ARRAY:
	case TY_SLICE:
	case TY_MAP:
	case TY_SIGNATURE:
	case TY_POINTER:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		return;
	}
	if (one && s->range.value) {
		const char *os = check_opstr(c, file, s->range.x, x);
		if (os)
			check_errorf(c, file, check_start_pos(s->range.value), "range over %s permits only one iteration variable", os);
	}
}

/* "multiple defaults (first at POS)" in a switch, type switch or select body. */
void check_multiple_defaults(Checker *c, uint32_t file, Stmt *body)
{
	uint32_t first = SYN_NOPOS;
	for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
		Stmt *cl = body->block.list.v[i];
		bool dflt = (cl->kind == STMT_CASE_CLAUSE && cl->case_clause.list.n == 0) || (cl->kind == STMT_COMM_CLAUSE && !cl->comm_clause.comm);
		if (!dflt)
			continue;
		if (first == SYN_NOPOS)
			first = cl->pos;
		else
			check_errorf(c, file, cl->pos, "multiple defaults (first at %s)", check_pos_str(c, (Pos){file, first}));
	}
}
