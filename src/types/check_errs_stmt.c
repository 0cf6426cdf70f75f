/*
 * check_errs_stmt.c: the expression errors of statements, as types2's stmt.go reports them:
 * expression statements whose value is not used (only calls and receives may stand alone),
 * non-boolean conditions of if and for, sends to non-channels or receive-only channels, and
 * x++ / x-- on non-numeric operands.
 *
 * Called by check_stmt.c with the operands it evaluated; nothing is reported when a type is
 * unknown.
 */
#include "types/check.h"

#define INVALID_OP "invalid operation: "

static bool tparam(Type *t)
{
	Type *u = types_unalias(t);
	return !u || u->kind == TY_TYPEPARAM;
}

/* An expression statement: x is the operand of s->expr.x. */
void check_expr_stmt_errs(Checker *c, uint32_t file, Stmt *s, Operand *x)
{
	Expr *e = s->expr.x, *u = syn_unparen(e);
	const char *msg = "is not used";
	switch (x->mode) {
	case OP_INVALID:
	case OP_PKG:
		return;
	case OP_BUILTIN: msg = "must be called"; break;
	case OP_TYPE: msg = "is not an expression"; break;
	case OP_NOVALUE:
	case OP_CONST:
	case OP_VAR:
	case OP_VALUE:
	case OP_NIL:
		if (u->kind == EXPR_UNARY && u->unary.op == TOK_ARROW)
			return;
		if (u->kind == EXPR_CALL) {
			/* calls are statements, except conversions and the expression builtins */
			Operand f;
			bool rec = c->record;
			c->record = false;
			c->quiet++;
			check_expr(c, file, u->call.fun, &f, NULL);
			c->quiet--;
			c->record = rec;
			if (f.mode == OP_BUILTIN && f.obj) {
				if (types_builtins[f.obj->builtin.id].stmt_ok)
					return;
			} else if (f.mode != OP_TYPE) {
				return;
			}
		}
		if (x->mode == OP_NOVALUE || !check_known_value(x))
			return;
		break;
	}
	check_errorf(c, file, syn_expr_pos(e), "%s %s", check_operand_str(c, e, x), msg);
}

/* The condition of an if or for statement (what: "if", "for"). */
void check_cond_errs(Checker *c, uint32_t file, Expr *cond, Operand *x, const char *what)
{
	if (!cond || !check_value_ok(c, file, cond, x, true))
		return;
	if (!check_known_value(x) || tparam(x->type))
		return;
	Type *u = types_under(x->type);
	if (u->kind == TY_BASIC && (u->flags & TF_BOOLEAN))
		return;
	check_errorf(c, file, syn_expr_pos(cond), "non-boolean condition in %s statement", what);
}

/* ch <- v */
void check_send_errs(Checker *c, uint32_t file, Stmt *s, Operand *ch, Operand *v)
{
	Expr *ce = s->send.chan, *ve = s->send.value;
	bool ok1 = check_value_ok(c, file, ce, ch, true);
	bool ok2 = check_value_ok(c, file, ve, v, true);
	if (!ok1 || !ok2 || !check_known_value(ch) || tparam(ch->type))
		return;
	Type *u = types_under(ch->type);
	if (u->kind != TY_CHAN || u->chan.dir == CHAN_RECV) {
		check_errorf(c, file, syn_expr_pos(ce), INVALID_OP "cannot send to %s %s %s", u->kind == TY_CHAN ? "receive-only channel" : "non-channel",
		             check_type_str(c, ch->type), check_operand_str(c, ce, ch));
		return;
	}
	check_simple_assign_ok(c, file, ve, v, u->chan.elem, "send");
}

/* x++, x-- */
void check_incdec_errs(Checker *c, uint32_t file, Stmt *s, Operand *x)
{
	Expr *e = s->inc_dec.x;
	if (!check_value_ok(c, file, e, x, true) || !check_known_value(x) || tparam(x->type))
		return;
	Type *u = types_under(x->type);
	if (u->kind == TY_BASIC && (u->flags & TF_NUMERIC))
		return;
	const char *op = syn_tok_string(s->inc_dec.tok);
	check_errorf(c, file, syn_expr_pos(e), INVALID_OP "%s%s (non-numeric type %s)", check_expr_str(c, e), op, check_type_str(c, x->type));
}

/* go f(x), defer f(x): a call that is a statement (not a conversion, not a builtin with a
 * result). x is the call's operand. */
void check_go_defer_errs(Checker *c, uint32_t file, Stmt *s, Operand *x)
{
	const char *kw = s->kind == STMT_GO ? "go" : "defer";
	Expr *e = s->go_defer.call;
	if (!e)
		return;
	if (e->kind != EXPR_CALL) {
		check_errorf(c, file, syn_expr_pos(e), "expression in %s must be function call", kw);
		return;
	}
	if (x->mode == OP_INVALID)
		return;
	Operand f;
	bool rec = c->record;
	c->record = false;
	c->quiet++;
	check_expr(c, file, e->call.fun, &f, NULL);
	c->quiet--;
	c->record = rec;
	const char *msg;
	if (f.mode == OP_TYPE)
		msg = "requires function call, not conversion";
	else if (f.mode == OP_BUILTIN && f.obj && !types_builtins[f.obj->builtin.id].stmt_ok)
		msg = "discards result of";
	else
		return;
	if (x->mode != OP_NOVALUE && !check_known_value(x))
		return;
	check_errorf(c, file, syn_expr_pos(e), "%s %s %s", kw, msg, check_operand_str(c, e, x));
}
