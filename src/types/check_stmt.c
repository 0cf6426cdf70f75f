/*
 * check_stmt.c: function bodies: scopes for blocks, if/for/switch/select clauses, local
 * declarations (var, const, type, :=), range variables, type switch variables and labels.
 */
#include "types/check.h"

#include <string.h>

static Pos mkpos(uint32_t file, uint32_t off) { return (Pos){file, off}; }

static void stmt(Checker *c, uint32_t file, Stmt *s);
static void check_missing_return(Checker *c, uint32_t file, Type *sig, Stmt *body);

static void open_scope(Checker *c, uint32_t file, uint32_t pos, const char *what)
{
	c->scope = types_new_scope(c->a, c->scope, mkpos(file, pos), mkpos(file, pos), what);
}

static void stmts(Checker *c, uint32_t file, StmtList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		stmt(c, file, l.v[i]);
}

/* Declares a new local variable; records it only when its type is known. */
static Object *declare_var(Checker *c, uint32_t file, Expr *id, Type *t)
{
	if (!id || id->kind != EXPR_IDENT)
		return NULL;
	Object *v = types_new_var(c->a, VK_LOCAL, c->pkg, mkpos(file, id->pos), id->ident.name, t);
	check_declare_local(c, c->scope, v);
	if (c->record && v->name != types_name_blank)
		vec_push(&c->locals, v);
	if (t)
		check_recordp(c, file, id, v);
	return v;
}

static Type *value_type(Operand *x)
{
	if (!x->type || (x->mode != OP_CONST && x->mode != OP_VAR && x->mode != OP_VALUE))
		return NULL;
	if (types_unalias(x->type) == types_typ[BK_INVALID] || x->type->kind == TY_TUPLE)
		return NULL;
	Type *u = types_under(x->type);
	if (u->kind == TY_SIGNATURE && u->sig.tparams.len)
		return NULL; /* a generic function value needs instantiation from context */
	if (types_is_untyped(x->type))
		return x->type->basic.kind == BK_UNTYPED_NIL ? NULL : types_default(x->type);
	return x->type;
}

/* Types of n values from the right-hand sides (n:n or n:1 with a tuple, comma-ok forms).
 * Untyped values take the type of hints[i], or their default type where there is no hint
 * and deflt is set (x := 1, var x = 1, _ = 1).
 * With want and ctx (check_assign.c), each value is also assigned to want[i] in context
 * ctx[i] (NULL: not checked, e.g. an unknown left-hand type; want[i] NULL: no type, as `:=`
 * and `_`), and count mismatches are reported; names: a var declaration's names (its
 * single values are single-value contexts, extra and missing values are "init expr"s). */
static void rhs_types(Checker *c, uint32_t file, ExprList rhs, uint32_t n, Type **out, Type **hints, bool deflt,
                      Type **want, const char **ctx, ExprList *names)
{
	for (uint32_t i = 0; i < n; i++)
		out[i] = NULL;
	bool counts = ctx != NULL, allknown = true;
	if (rhs.n == n) {
		for (uint32_t i = 0; i < n; i++) {
			Operand x;
			Type *h = hints ? hints[i] : NULL;
			check_expr(c, file, rhs.v[i], &x, h);
			if (!h)
				check_generic_func_value(c, file, rhs.v[i], &x);
			out[i] = value_type(&x);
			if (h || deflt)
				check_assign_untyped(c, rhs.v[i], &x, h);
			if (!ctx || !ctx[i])
				continue;
			Expr *r = syn_unparen(rhs.v[i]);
			if (n == 1 && !names && r->kind == EXPR_CALL && x.type && x.type->kind == TY_TUPLE && x.mode == OP_VALUE)
				check_assign_mismatch(c, file, rhs, 1, x.type->tuple.vars.len);
			else
				check_assignment(c, file, rhs.v[i], &x, want[i], ctx[i]);
		}
		return;
	}
	for (uint32_t i = 0; i < rhs.n; i++) {
		Operand x;
		check_expr(c, file, rhs.v[i], &x, NULL);
		if (!x.type || (x.mode != OP_VALUE && x.mode != OP_VAR && x.mode != OP_CONST && x.mode != OP_NIL))
			allknown = false;
		if (rhs.n == 1) {
			Expr *r = syn_unparen(rhs.v[0]);
			if (x.type && x.type->kind == TY_TUPLE && x.type->tuple.vars.len == n) {
				for (uint32_t k = 0; k < n; k++) {
					out[k] = x.type->tuple.vars.data[k]->type;
					if (ctx && ctx[k]) {
						Operand y = {.mode = OP_VALUE, .type = out[k]};
						check_assignment(c, file, rhs.v[0], &y, want[k], names ? "assignment" : ctx[k]);
					}
				}
			} else if (n == 2 && x.type && (r->kind == EXPR_INDEX || r->kind == EXPR_TYPE_ASSERT ||
			                                (r->kind == EXPR_UNARY && r->unary.op == TOK_ARROW))) {
				out[0] = value_type(&x);
				out[1] = types_typ[BK_BOOL];
				check_record_commaok(c, rhs.v[0]);
				if (ctx && ctx[0])
					check_assignment(c, file, rhs.v[0], &x, want[0], names ? "assignment" : ctx[0]);
			} else if (n == 2 && check_cgo_errno_call(c, r)) {
				out[0] = value_type(&x);
				out[1] = types_error;
			} else if (counts && x.mode == OP_NOVALUE) {
				check_single_value(c, file, rhs.v[0], &x);
			} else if (counts && allknown) {
				check_assign_mismatch(c, file, rhs, n, x.type->kind == TY_TUPLE ? x.type->tuple.vars.len : 1);
			}
		}
	}
	if (!counts || !allknown || rhs.n == 1 || rhs.n == 0)
		return;
	if (!names)
		check_assign_mismatch(c, file, rhs, n, rhs.n);
	else
		check_var_arity(c, file, *names, rhs);
}

static void local_spec(Checker *c, uint32_t file, TokKind tok, Spec *s, Expr **ctype, ExprList *cvals, int64_t iota)
{
	switch (s->kind) {
	case SPEC_IMPORT:
		break;
	case SPEC_TYPE: {
		Expr *id = s->type.name;
		if (!id || id->kind != EXPR_IDENT)
			break;
		Object *o = types_new_typename(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, NULL);
		Scope *save = c->scope;
		check_recordp(c, file, id, o);
		if (s->type.assign != SYN_NOPOS) {
			Type *al = types_new_alias(c->a, o, NULL);
			o->type = al;
			al->alias.fromrhs = check_typexpr(c, file, s->type.type);
			check_declare_local(c, c->scope, o);
		} else {
			Type *named = types_new_named(c->a, o, NULL);
			o->type = named;
			check_declare_local(c, c->scope, o); /* visible in its own declaration */
			if (s->type.tparams) {
				open_scope(c, file, s->pos, "type");
				TypeList tps;
				check_tparams(c, file, s->type.tparams, &tps);
				types_named_set_tparams(c->a, named, tps.data, tps.len);
			}
			types_named_set_underlying(named, check_typexpr(c, file, s->type.type));
		}
		c->scope = save;
		break;
	}
	case SPEC_VALUE: {
		uint32_t n = s->value.names.n;
		if (tok == TOK_CONST) {
			bool inherited = !(s->value.type || s->value.values.n);
			if (!inherited) {
				*ctype = s->value.type;
				*cvals = s->value.values;
			}
			check_init_arity(c, file, s, true, *cvals, inherited);
			Object **objs = ARENA_ARRAY(c->a, Object *, n ? n : 1);
			bool rec = c->record;
			for (uint32_t k = 0; k < n; k++) {
				Expr *id = s->value.names.v[k];
				objs[k] = types_new_const(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, NULL, NULL);
				c->record = rec && (k == 0 || !s->value.type || !s->value.values.n);
				if (!s->value.type && !s->value.values.n)
					c->errpos = id->pos + 1;
				check_const_spec(c, file, *ctype, k < cvals->n ? cvals->v[k] : NULL, objs[k], iota);
				c->errpos = 0;
				c->record = rec;
			}
			for (uint32_t k = 0; k < n; k++) {
				check_recordp(c, file, s->value.names.v[k], objs[k]);
				check_declare_local(c, c->scope, objs[k]);
			}
			break;
		}
		check_init_arity(c, file, s, false, s->value.values, false);
		Type *t = s->value.type ? check_vartype(c, file, s->value.type) : NULL;
		Type **ts = ARENA_ARRAY(c->a, Type *, n ? n : 1);
		Type **hints = ARENA_ARRAY(c->a, Type *, n ? n : 1);
		const char **ctx = ARENA_ARRAY(c->a, const char *, n ? n : 1);
		Type **want = ARENA_ARRAY(c->a, Type *, n ? n : 1);
		for (uint32_t k = 0; k < n; k++) {
			hints[k] = want[k] = t;
			ctx[k] = "variable declaration";
		}
		if (s->value.values.n)
			rhs_types(c, file, s->value.values, n, ts, hints, true, want, ctx, &s->value.names);
		for (uint32_t k = 0; k < n; k++)
			declare_var(c, file, s->value.names.v[k], t ? t : ts[k]);
		break;
	}
	}
}

void check_local_decl(Checker *c, uint32_t file, Decl *d)
{
	if (d->kind != DECL_GEN)
		return;
	Expr *ctype = NULL;
	ExprList cvals = {0};
	for (uint32_t j = 0; j < d->gen.nspecs; j++)
		local_spec(c, file, d->gen.tok, d->gen.specs[j], &ctype, &cvals, j);
}

/* Evaluates an assignment's left-hand side: assigning to a variable is not a use of it. */
static void lhs_expr(Checker *c, uint32_t file, Expr *l, Operand *x)
{
	Expr *u = syn_unparen(l);
	Object *v = u->kind == EXPR_IDENT ? check_lookup(c, u->ident.name) : NULL;
	bool was = v && v->kind == OBJ_VAR && (v->flags & VF_USED);
	check_expr(c, file, l, x, NULL);
	if (v && v->kind == OBJ_VAR && !was)
		v->flags &= ~(uint32_t)VF_USED;
}

static void assign(Checker *c, uint32_t file, Stmt *s)
{
	ExprList lhs = s->assign.lhs, rhs = s->assign.rhs;
	const char **ctx = ARENA_ARRAY(c->a, const char *, lhs.n ? lhs.n : 1);
	Type **want = ARENA_ARRAY(c->a, Type *, lhs.n ? lhs.n : 1);
	if (s->assign.tok != TOK_DEFINE) {
		Operand x = {.mode = OP_INVALID};
		Type **hints = ARENA_ARRAY(c->a, Type *, lhs.n ? lhs.n : 1);
		bool blank_only = true;
		for (uint32_t i = 0; i < lhs.n; i++) {
			Expr *l = lhs.v[i];
			Expr *ul = syn_unparen(l);
			if (ul->kind == EXPR_IDENT && ul->ident.name == types_name_blank) { /* (_) = v too */
				ctx[i] = "assignment to _ identifier";
				continue;
			}
			blank_only = false;
			if (s->assign.tok == TOK_ASSIGN)
				lhs_expr(c, file, l, &x);
			else
				check_expr(c, file, l, &x, NULL);
			hints[i] = want[i] = x.type;
			if (x.type && check_assign_lhs(c, file, l, &x) && (x.mode == OP_VAR || x.mode == OP_VALUE))
				ctx[i] = "assignment";
		}
		Type **ts = ARENA_ARRAY(c->a, Type *, lhs.n ? lhs.n : 1);
		bool plain = s->assign.tok == TOK_ASSIGN;
		if (!plain && lhs.n == 1 && rhs.n == 1) {
			/* x op= y: the binary operation x op y */
			Operand y;
			check_expr(c, file, rhs.v[0], &y, NULL);
			if (s->assign.tok != TOK_SHL_ASSIGN && s->assign.tok != TOK_SHR_ASSIGN && hints[0] && x.type)
				check_match_types(c, lhs.v[0], &x, rhs.v[0], &y);
			check_op_assign(c, file, s, &x, &y);
			return;
		}
		rhs_types(c, file, rhs, lhs.n, ts, plain && rhs.n == lhs.n ? hints : NULL, blank_only && lhs.n == 1, plain ? want : NULL,
		          plain ? ctx : NULL, NULL);
		return;
	}
	for (uint32_t i = 0; i < lhs.n; i++) {
		Expr *l = lhs.v[i];
		ctx[i] = "assignment";
		if (l->kind != EXPR_IDENT)
			continue;
		Object *o = l->ident.name == types_name_blank ? NULL : types_scope_lookup(c->scope, l->ident.name);
		if (o && o->kind == OBJ_VAR) {
			want[i] = o->type;
			if (!o->type)
				ctx[i] = NULL;
		}
	}
	check_short_var_new(c, file, s);
	Type **ts = ARENA_ARRAY(c->a, Type *, lhs.n ? lhs.n : 1);
	rhs_types(c, file, rhs, lhs.n, ts, NULL, true, want, ctx, NULL);
	for (uint32_t i = 0; i < lhs.n; i++) {
		Expr *l = lhs.v[i];
		if (l->kind != EXPR_IDENT)
			continue;
		Object *o = l->ident.name == types_name_blank ? NULL : types_scope_lookup(c->scope, l->ident.name);
		if (o) { /* redeclared in the same scope: a use */
			check_recordp(c, file, l, o);
			continue;
		}
		declare_var(c, file, l, ts[i]);
	}
}

static void range_stmt(Checker *c, uint32_t file, Stmt *s)
{
	Operand x;
	check_expr(c, file, s->range.x, &x, NULL);
	check_range_errs(c, file, s, &x);
	Type *kt = NULL, *vt = NULL;
	Type *u = x.type && x.mode != OP_TYPE ? types_core_type(x.type) : NULL;
	if (u) {
		switch (u->kind) {
		case TY_BASIC:
			if (u->flags & TF_STRING) {
				kt = types_typ[BK_INT];
				vt = types_rune;
			} else if (u->flags & TF_INTEGER) {
				kt = types_is_untyped(x.type) ? types_default(x.type) : x.type; /* rune for 'a' */
			}
			break;
		case TY_SLICE: kt = types_typ[BK_INT]; vt = u->slice.elem; break;
		case TY_ARRAY: kt = types_typ[BK_INT]; vt = u->array.elem; break;
		case TY_POINTER: {
			Type *a = types_under(u->pointer.elem);
			if (a->kind == TY_ARRAY) {
				kt = types_typ[BK_INT];
				vt = a->array.elem;
			}
			break;
		}
		case TY_MAP: kt = u->map.key; vt = u->map.elem; break;
		case TY_CHAN: kt = u->chan.elem; break;
		case TY_SIGNATURE: {
			ObjList ps = u->sig.params->tuple.vars;
			if (ps.len == 1) {
				Type *y = types_under(ps.data[0]->type);
				if (y->kind == TY_SIGNATURE) {
					ObjList yp = y->sig.params->tuple.vars;
					if (yp.len >= 1) kt = yp.data[0]->type;
					if (yp.len >= 2) vt = yp.data[1]->type;
				}
			}
			break;
		}
		case TY_STRUCT:
		case TY_INTERFACE:
		case TY_UNION:
		case TY_TUPLE:
		case TY_NAMED:
		case TY_TYPEPARAM:
		case TY_ALIAS:
		case TY_COUNT:
			break;
		}
	}
	bool untyped_int = u && x.type && types_is_untyped(x.type) && u->kind == TY_BASIC && (u->flags & TF_INTEGER);
	if (s->range.tok == TOK_DEFINE) {
		if (untyped_int)
			check_assign_untyped(c, s->range.x, &x, NULL);
		if (s->range.key)
			declare_var(c, file, s->range.key, kt);
		if (s->range.value)
			declare_var(c, file, s->range.value, vt);
	} else {
		Operand y;
		y.type = NULL;
		if (s->range.key && !(s->range.key->kind == EXPR_IDENT && s->range.key->ident.name == types_name_blank))
			lhs_expr(c, file, s->range.key, &y);
		if (untyped_int)
			check_assign_untyped(c, s->range.x, &x, y.type);
		if (s->range.value && !(s->range.value->kind == EXPR_IDENT && s->range.value->ident.name == types_name_blank))
			lhs_expr(c, file, s->range.value, &y);
	}
}

static void type_switch(Checker *c, uint32_t file, Stmt *s)
{
	Stmt *as = s->type_switch.assign;
	Expr *lhs = NULL, *ta = NULL;
	if (as && as->kind == STMT_ASSIGN && as->assign.lhs.n == 1 && as->assign.rhs.n == 1) {
		lhs = as->assign.lhs.v[0];
		ta = as->assign.rhs.v[0];
	} else if (as && as->kind == STMT_EXPR) {
		ta = as->expr.x;
	}
	ta = ta ? syn_unparen(ta) : NULL;
	Operand x;
	x.mode = OP_INVALID;
	x.type = NULL;
	bool xiface = false;
	if (ta && ta->kind == EXPR_TYPE_ASSERT) {
		check_expr(c, file, ta->assert.x, &x, NULL);
		if (!check_assert_ok(c, file, ta, &x, NULL, true))
			x.type = NULL;
		xiface = x.type && check_type_switch_x(c, file, ta->assert.x, &x);
	}
	Vec(Expr *) prev_e = {0};
	Vec(Type *) prev_t = {0};
	Stmt *body = s->type_switch.body;
	bool used = false;
	uint32_t nvars = 0;
	Object *last = NULL;
	for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
		Stmt *cl = body->block.list.v[i];
		if (cl->kind != STMT_CASE_CLAUSE)
			continue;
		Type *single = NULL;
		for (uint32_t k = 0; k < cl->case_clause.list.n; k++) {
			Expr *te = cl->case_clause.list.v[k];
			Operand y;
			if (syn_unparen(te)->kind == EXPR_IDENT) {
				check_expr(c, file, te, &y, NULL);
				if (y.mode == OP_TYPE)
					single = y.type;
				else
					single = y.mode == OP_NIL ? NULL : types_typ[BK_INVALID];
			} else {
				single = check_typexpr(c, file, te);
			}
			bool is_nil = syn_unparen(te)->kind == EXPR_IDENT && y.mode == OP_NIL;
			if (xiface && (is_nil || single)) {
				check_type_case_dup(c, file, te, single, is_nil, prev_e.data, prev_t.data, (uint32_t)prev_e.len);
				if (!is_nil)
					check_type_case(c, file, te, single, ta->assert.x, &x);
				if (is_nil || check_type_known(single, 0)) {
					vec_push(&prev_e, te);
					vec_push(&prev_t, is_nil ? NULL : single);
				}
			}
		}
		Scope *save = c->scope;
		open_scope(c, file, cl->pos, "case");
		if (lhs && lhs->kind == EXPR_IDENT && lhs->ident.name != types_name_blank) {
			Type *vt = cl->case_clause.list.n == 1 && single && single != types_typ[BK_INVALID] ? single : x.type;
			if (cl->case_clause.list.n == 1 && !single)
				vt = x.type; /* case nil */
			if (cl->case_clause.list.n == 1 && single == types_typ[BK_INVALID])
				vt = NULL; /* an invalid case: the variable's type is invalid (no follow-up errors) */
			Object *v = types_new_var(c->a, VK_LOCAL, c->pkg, mkpos(file, lhs->pos), lhs->ident.name, vt);
			types_scope_insert(c->scope, v);
			nvars++;
			if (v->flags & VF_USED)
				used = true;
			last = v;
		}
		stmts(c, file, cl->case_clause.body);
		if (last && (last->flags & VF_USED))
			used = true;
		last = NULL;
		c->scope = save;
	}
	vec_free(&prev_e);
	vec_free(&prev_t);
	if (lhs && lhs->kind == EXPR_IDENT && lhs->ident.name != types_name_blank && !used)
		check_errorf(c, file, lhs->pos, "%s declared and not used", lhs->ident.name->s);
	(void)nvars;
}

static void stmt(Checker *c, uint32_t file, Stmt *s)
{
	if (!s || ++c->depth > CHECK_MAX_DEPTH) {
		if (s)
			c->depth--;
		return;
	}
	Operand x;
	Scope *save = c->scope;
	switch (s->kind) {
	case STMT_BAD:
		c->nbad++;
		break;
	case STMT_EMPTY:
		break;
	case STMT_DECL:
		check_local_decl(c, file, s->decl.decl);
		break;
	case STMT_LABELED: {
		Expr *l = s->labeled.label;
		if (l && l->kind == EXPR_IDENT && c->labels)
			check_recordp(c, file, l, types_scope_lookup(c->labels, l->ident.name));
		stmt(c, file, s->labeled.stmt);
		break;
	}
		break;
	case STMT_EXPR:
		check_expr(c, file, s->expr.x, &x, NULL);
		check_expr_stmt_errs(c, file, s, &x);
		break;
	case STMT_SEND: {
		Operand ch;
		check_expr(c, file, s->send.chan, &ch, NULL);
		check_expr(c, file, s->send.value, &x, NULL);
		check_send_errs(c, file, s, &ch, &x);
		Type *cu = ch.type && ch.mode != OP_TYPE ? types_core_type(ch.type) : NULL;
		if (cu && cu->kind == TY_CHAN)
			check_assign_untyped(c, s->send.value, &x, cu->chan.elem);
		break;
	}
	case STMT_INC_DEC:
		check_expr(c, file, s->inc_dec.x, &x, NULL);
		check_incdec_errs(c, file, s, &x);
		check_record_incdec(c, file, s, &x);
		if (x.type)
			check_assign_lhs(c, file, s->inc_dec.x, &x);
		break;
	case STMT_ASSIGN:
		assign(c, file, s);
		break;
	case STMT_GO:
	case STMT_DEFER:
		check_expr(c, file, s->go_defer.call, &x, NULL);
		check_go_defer_errs(c, file, s, &x);
		break;
	case STMT_RETURN: {
		ObjList rs = c->sig && c->sig->kind == TY_SIGNATURE ? c->sig->sig.results->tuple.vars : (ObjList){0};
		uint32_t n = s->ret.results.n;
		Operand *xs = ARENA_ARRAY(c->a, Operand, n ? n : 1);
		for (uint32_t i = 0; i < n; i++) {
			Type *rt = n == rs.len ? rs.data[i]->type : NULL;
			check_expr(c, file, s->ret.results.v[i], &xs[i], rt);
			if (rt)
				check_assign_untyped(c, s->ret.results.v[i], &xs[i], rt);
		}
		if (n == 1 && xs[0].mode == OP_VALUE && xs[0].type && xs[0].type->kind == TY_TUPLE &&
		    syn_unparen(s->ret.results.v[0])->kind == EXPR_CALL) {
			/* return f() with several results: one operand per result */
			ObjList vs = xs[0].type->tuple.vars;
			n = vs.len;
			xs = ARENA_ARRAY(c->a, Operand, n ? n : 1);
			for (uint32_t i = 0; i < n; i++)
				xs[i] = (Operand){.mode = OP_VALUE, .type = vs.data[i]->type};
		}
		check_return(c, file, s, c->sig, xs, n);
		break;
	}
	case STMT_BRANCH: {
		Expr *l = s->branch.label;
		if (l && l->kind == EXPR_IDENT && c->labels)
			check_recordp(c, file, l, types_scope_lookup(c->labels, l->ident.name));
		break;
	}
	case STMT_BLOCK:
		open_scope(c, file, s->pos, "block");
		stmts(c, file, s->block.list);
		break;
	case STMT_IF:
		open_scope(c, file, s->pos, "if");
		stmt(c, file, s->if_.init);
		check_expr(c, file, s->if_.cond, &x, NULL);
		check_cond_errs(c, file, s->if_.cond, &x, "if");
		stmt(c, file, s->if_.body);
		stmt(c, file, s->if_.else_);
		break;
	case STMT_CASE_CLAUSE:
		break;
	case STMT_SWITCH: {
		open_scope(c, file, s->pos, "switch");
		stmt(c, file, s->switch_.init);
		Operand tag;
		tag.type = NULL;
		if (s->switch_.tag) {
			check_expr(c, file, s->switch_.tag, &tag, NULL);
			check_assign_untyped(c, s->switch_.tag, &tag, NULL);
		}
		Stmt *body = s->switch_.body;
		for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
			Stmt *cl = body->block.list.v[i];
			if (cl->kind != STMT_CASE_CLAUSE)
				continue;
			for (uint32_t k = 0; k < cl->case_clause.list.n; k++) {
				Expr *ce = cl->case_clause.list.v[k];
				check_expr(c, file, ce, &x, s->switch_.tag ? tag.type : NULL);
				if (!s->switch_.tag) {
					check_record_convert(c, ce, &x, types_typ[BK_BOOL]);
				} else if (tag.type) {
					Operand t2 = tag; /* the comparison tag == case value */
					check_match_types(c, s->switch_.tag, &t2, ce, &x);
					check_finish_comparison(c, s->switch_.tag, &t2, ce, &x);
				}
			}
			Scope *s2 = c->scope;
			open_scope(c, file, cl->pos, "case");
			stmts(c, file, cl->case_clause.body);
			c->scope = s2;
		}
		check_switch_dups(c, file, s, &tag);
		check_multiple_defaults(c, file, s->switch_.body);
		break;
	}
	case STMT_TYPE_SWITCH:
		check_multiple_defaults(c, file, s->type_switch.body);
		open_scope(c, file, s->pos, "type switch");
		stmt(c, file, s->type_switch.init);
		type_switch(c, file, s);
		break;
	case STMT_COMM_CLAUSE:
		break;
	case STMT_SELECT: {
		Stmt *body = s->select.body;
		check_multiple_defaults(c, file, body);
		for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
			Stmt *cl = body->block.list.v[i];
			if (cl->kind != STMT_COMM_CLAUSE)
				continue;
			Scope *s2 = c->scope;
			open_scope(c, file, cl->pos, "case");
			stmt(c, file, cl->comm_clause.comm);
			stmts(c, file, cl->comm_clause.body);
			c->scope = s2;
		}
		break;
	}
	case STMT_FOR:
		open_scope(c, file, s->pos, "for");
		stmt(c, file, s->for_.init);
		check_expr(c, file, s->for_.cond, &x, NULL);
		check_cond_errs(c, file, s->for_.cond, &x, "for");
		stmt(c, file, s->for_.post);
		stmt(c, file, s->for_.body);
		break;
	case STMT_RANGE:
		open_scope(c, file, s->pos, "range");
		range_stmt(c, file, s);
		stmt(c, file, s->range.body);
		break;
	case STMT__COUNT:
		break;
	}
	c->scope = save;
	c->depth--;
}

/* Labels are function-wide (forward gotos): collected before the body is walked. */
static void collect_labels(Checker *c, uint32_t file, Stmt *s, int depth)
{
	if (!s || depth > CHECK_MAX_DEPTH)
		return;
	switch (s->kind) {
	case STMT_LABELED: {
		Expr *l = s->labeled.label;
		if (l && l->kind == EXPR_IDENT && l->ident.name != types_name_blank) {
			Object *o = types_new_object(c->a, OBJ_LABEL, c->pkg, mkpos(file, l->pos), l->ident.name, NULL);
			types_scope_insert(c->labels, o);
		}
		collect_labels(c, file, s->labeled.stmt, depth + 1);
		break;
	}
	case STMT_BLOCK:
		for (uint32_t i = 0; i < s->block.list.n; i++)
			collect_labels(c, file, s->block.list.v[i], depth + 1);
		break;
	case STMT_IF:
		collect_labels(c, file, s->if_.body, depth + 1);
		collect_labels(c, file, s->if_.else_, depth + 1);
		break;
	case STMT_CASE_CLAUSE:
		for (uint32_t i = 0; i < s->case_clause.body.n; i++)
			collect_labels(c, file, s->case_clause.body.v[i], depth + 1);
		break;
	case STMT_COMM_CLAUSE:
		for (uint32_t i = 0; i < s->comm_clause.body.n; i++)
			collect_labels(c, file, s->comm_clause.body.v[i], depth + 1);
		break;
	case STMT_SWITCH: collect_labels(c, file, s->switch_.body, depth + 1); break;
	case STMT_TYPE_SWITCH: collect_labels(c, file, s->type_switch.body, depth + 1); break;
	case STMT_SELECT: collect_labels(c, file, s->select.body, depth + 1); break;
	case STMT_FOR: collect_labels(c, file, s->for_.body, depth + 1); break;
	case STMT_RANGE: collect_labels(c, file, s->range.body, depth + 1); break;
	case STMT_BAD:
	case STMT_DECL:
	case STMT_EMPTY:
	case STMT_EXPR:
	case STMT_SEND:
	case STMT_INC_DEC:
	case STMT_ASSIGN:
	case STMT_GO:
	case STMT_DEFER:
	case STMT_RETURN:
	case STMT_BRANCH:
	case STMT__COUNT:
		break;
	}
}

void check_func_body(Checker *c, uint32_t file, Type *sig, Scope *fscope, Stmt *body)
{
	size_t nlocals = c->locals.len;
	uint32_t nbad = c->nbad;
	Scope *slabels = c->labels;
	c->labels = types_new_scope(c->a, NULL, mkpos(file, 0), mkpos(file, 0), "labels");
	collect_labels(c, file, body, 0);
	Scope *save = c->scope;
	Type *ssig = c->sig;
	int64_t siota = c->iota;
	c->iota = -1;
	c->scope = fscope;
	c->sig = sig;
	if (body && body->kind == STMT_BLOCK)
		for (uint32_t i = 0; i < body->block.list.n; i++)
			stmt(c, file, body->block.list.v[i]);
	check_missing_return(c, file, sig, body);
	c->scope = save;
	c->sig = ssig;
	c->iota = siota;
	c->labels = slabels;
	/* go/types reports unused variables per function, in source order */
	for (size_t i = nlocals; i < c->locals.len && c->nbad == nbad; i++) {
		Object *v = c->locals.data[i];
		if (!(v->flags & VF_USED))
			check_errorf(c, v->pos.file, v->pos.off, "declared and not used: %s", v->name->s);
	}
	c->locals.len = nlocals;
}

/* ---- terminating statements (spec "Terminating statements", go/types return.go) ---- */

static bool is_terminating(Checker *c, Stmt *s, Name *label, int depth);

/* A break in s referring to the enclosing statement (unlabeled and not nested in another
 * breakable statement, or labeled with label). */
static bool has_break(Stmt *s, Name *label, bool implicit, int depth)
{
	if (!s || depth > CHECK_MAX_DEPTH)
		return false;
	switch (s->kind) {
	case STMT_BRANCH:
		if (s->branch.tok != TOK_BREAK)
			return false;
		if (!s->branch.label)
			return implicit;
		return label && s->branch.label->kind == EXPR_IDENT && s->branch.label->ident.name == label;
	case STMT_LABELED: return has_break(s->labeled.stmt, label, implicit, depth + 1);
	case STMT_BLOCK:
		for (uint32_t i = 0; i < s->block.list.n; i++)
			if (has_break(s->block.list.v[i], label, implicit, depth + 1))
				return true;
		return false;
	case STMT_IF:
		return has_break(s->if_.body, label, implicit, depth + 1) || has_break(s->if_.else_, label, implicit, depth + 1);
	case STMT_CASE_CLAUSE:
		for (uint32_t i = 0; i < s->case_clause.body.n; i++)
			if (has_break(s->case_clause.body.v[i], label, implicit, depth + 1))
				return true;
		return false;
	case STMT_COMM_CLAUSE:
		for (uint32_t i = 0; i < s->comm_clause.body.n; i++)
			if (has_break(s->comm_clause.body.v[i], label, implicit, depth + 1))
				return true;
		return false;
	/* nested breakable statements: only labeled breaks can reach out */
	case STMT_SWITCH: return label && has_break(s->switch_.body, label, false, depth + 1);
	case STMT_TYPE_SWITCH: return label && has_break(s->type_switch.body, label, false, depth + 1);
	case STMT_SELECT: return label && has_break(s->select.body, label, false, depth + 1);
	case STMT_FOR: return label && has_break(s->for_.body, label, false, depth + 1);
	case STMT_RANGE: return label && has_break(s->range.body, label, false, depth + 1);
	case STMT_BAD:
	case STMT_DECL:
	case STMT_EMPTY:
	case STMT_EXPR:
	case STMT_SEND:
	case STMT_INC_DEC:
	case STMT_ASSIGN:
	case STMT_GO:
	case STMT_DEFER:
	case STMT_RETURN:
	case STMT__COUNT:
		return false;
	}
	return false;
}

static bool list_terminating(Checker *c, StmtList l, int depth)
{
	/* the last statement that is not empty */
	for (uint32_t i = l.n; i > 0; i--) {
		Stmt *s = l.v[i - 1];
		if (s->kind == STMT_EMPTY)
			continue;
		return is_terminating(c, s, NULL, depth + 1);
	}
	return false;
}

static bool clauses_terminating(Checker *c, Stmt *body, bool comm, int depth)
{
	bool has_default = comm;
	for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
		Stmt *cl = body->block.list.v[i];
		StmtList l;
		if (cl->kind == STMT_CASE_CLAUSE) {
			l = cl->case_clause.body;
			if (cl->case_clause.list.n == 0)
				has_default = true;
		} else if (cl->kind == STMT_COMM_CLAUSE) {
			l = cl->comm_clause.body;
		} else {
			continue;
		}
		/* a clause ends in a terminating statement or a fallthrough */
		Stmt *last = NULL;
		for (uint32_t k = l.n; k > 0 && !last; k--)
			if (l.v[k - 1]->kind != STMT_EMPTY)
				last = l.v[k - 1];
		if (last && last->kind == STMT_BRANCH && last->branch.tok == TOK_FALLTHROUGH)
			continue;
		if (!list_terminating(c, l, depth + 1))
			return false;
	}
	return has_default;
}

static bool is_terminating(Checker *c, Stmt *s, Name *label, int depth)
{
	if (!s || depth > CHECK_MAX_DEPTH)
		return false;
	switch (s->kind) {
	case STMT_RETURN:
		return true;
	case STMT_BRANCH:
		return s->branch.tok == TOK_GOTO || s->branch.tok == TOK_FALLTHROUGH;
	case STMT_EXPR: {
		Expr *x = syn_unparen(s->expr.x);
		if (x->kind != EXPR_CALL)
			return false;
		Expr *f = syn_unparen(x->call.fun);
		if (f->kind != EXPR_IDENT)
			return false;
		Object *o = check_lookup(c, f->ident.name);
		return o && o->kind == OBJ_BUILTIN && o->builtin.id == BI_PANIC;
	}
	case STMT_LABELED:
		return is_terminating(c, s->labeled.stmt, s->labeled.label && s->labeled.label->kind == EXPR_IDENT ? s->labeled.label->ident.name : NULL, depth + 1);
	case STMT_BLOCK:
		return list_terminating(c, s->block.list, depth + 1);
	case STMT_IF:
		return s->if_.else_ && is_terminating(c, s->if_.body, NULL, depth + 1) && is_terminating(c, s->if_.else_, NULL, depth + 1);
	case STMT_SWITCH:
		return clauses_terminating(c, s->switch_.body, false, depth + 1) && !has_break(s->switch_.body, label, true, depth + 1);
	case STMT_TYPE_SWITCH:
		return clauses_terminating(c, s->type_switch.body, false, depth + 1) && !has_break(s->type_switch.body, label, true, depth + 1);
	case STMT_SELECT:
		return clauses_terminating(c, s->select.body, true, depth + 1) && !has_break(s->select.body, label, true, depth + 1);
	case STMT_FOR:
		return !s->for_.cond && !has_break(s->for_.body, label, true, depth + 1);
	case STMT_RANGE:
	case STMT_BAD:
	case STMT_DECL:
	case STMT_EMPTY:
	case STMT_SEND:
	case STMT_INC_DEC:
	case STMT_ASSIGN:
	case STMT_GO:
	case STMT_DEFER:
	case STMT_CASE_CLAUSE:
	case STMT_COMM_CLAUSE:
	case STMT__COUNT:
		return false;
	}
	return false;
}

static void check_missing_return(Checker *c, uint32_t file, Type *sig, Stmt *body)
{
	if (!sig || sig->kind != TY_SIGNATURE || !body || body->kind != STMT_BLOCK || sig->sig.results->tuple.vars.len == 0)
		return;
	if (body->block.rbrace == SYN_NOPOS || list_terminating(c, body->block.list, 0))
		return;
	check_errorf(c, file, body->block.rbrace, "missing return");
}
