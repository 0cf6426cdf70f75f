/*
 * facts.c: what escape analysis needs to know about local variables and closures, computed
 * once the package is checked (its identifiers resolved through TypesInfo):
 *
 *   - every function (declaration or literal) with its function literals, and for each
 *     literal its captured (free) variables in order of first use, nested literals' captures
 *     included (as gc's ClosureVars);
 *   - per local variable or parameter: VF_ADDR_TAKEN, VF_REASSIGNED, VF_CAPTURED;
 *   - per capture, whether gc captures it by value (cmd/compile/internal/escape flowClosure).
 *
 * Two walks over each function, in the order gc's escape analysis walks statements. The first
 * collects functions, variables, captures and the order-free facts. The second replays gc's
 * order-dependent notion of reassignment for the by-value decision: a reassignment counts
 * unless it comes before the variable's first capture in straight-line code (the closure at
 * the loop depth of the declaration); Go 1.22 loop variables are per iteration (declared
 * inside the loop, the range's own assignment not counted). The rules are in docs/types.md.
 */
#include "types/check.h"

#include <string.h>

typedef struct VarState {
	Object *v;
	uint32_t func;   /* owning function (index in W.funcs) */
	int depth;       /* pass 2: gc's loopDepth at its declaration */
	bool captured;   /* pass 2: a closure capturing it was met */
	bool reassigned; /* pass 2: gc's loc.reassigned */
	bool addr;       /* pass 2: gc's loc.addrtaken (with captures by reference) */
} VarState;

typedef struct FTmp {
	TypesFunc *f;
	Expr *ftype;      /* its signature (results assigned by return statements) */
	uint32_t file, start, end;
	Vec(TypesCapture) caps;
	Vec(Object *) vars;
	Vec(TypesFunc *) clos;
} FTmp;

typedef struct W {
	Checker *c;
	TypesInfo *info;
	int pass;
	uint32_t file;
	Vec(FTmp) funcs;
	Vec(uint32_t) stack;
	Vec(uint32_t) lits;   /* pass 1: function literals in the order met */
	uint32_t nlit;        /* pass 2: literals met so far */
	Vec(uint32_t) order;  /* pass 2: closures in the order met (gc's b.closures) */
	Map vars;             /* Object * -> VarState * */
	int depth;            /* pass 2: loop depth in the current function */
	int rec;
	bool for_init;        /* declarations are loop variables (declared inside the loop) */
	bool generic;
} W;

#define FACTS_MAX_DEPTH 2000

static void wexpr(W *w, Expr *e);
static void wstmt(W *w, Stmt *s);

static uint32_t top(W *w) { return w->stack.data[w->stack.len - 1]; }

static Object *ident_obj(W *w, Expr *e)
{
	const TypesTV *tv = types_expr_tv(w->info, e);
	return tv ? tv->obj : NULL;
}

static bool is_local_var(Object *o)
{
	return o && o->kind == OBJ_VAR && o->name && o->name != types_name_blank &&
	       (o->var.kind == VK_LOCAL || o->var.kind == VK_PARAM || o->var.kind == VK_RESULT || o->var.kind == VK_RECV);
}

static VarState *state(W *w, Object *v) { return map_get(&w->vars, (uintptr_t)v); }

/* A variable declared at its identifier id (or met first by a use: type switch variables). */
static VarState *declare(W *w, Object *v)
{
	VarState *vs = state(w, v);
	if (vs)
		return vs;
	vs = ARENA_NEW(w->c->a, VarState);
	vs->v = v;
	/* the innermost function on the stack whose extent holds the declaration */
	uint32_t owner = top(w);
	for (size_t i = w->stack.len; i > 0; i--) {
		FTmp *f = &w->funcs.data[w->stack.data[i - 1]];
		if (f->file == v->pos.file && f->start <= v->pos.off && v->pos.off < f->end) {
			owner = w->stack.data[i - 1];
			break;
		}
	}
	vs->func = owner;
	vs->depth = w->depth + (w->for_init ? 1 : 0);
	map_put(&w->vars, (uintptr_t)v, vs);
	vec_push(&w->funcs.data[owner].vars, v);
	return vs;
}

static void ident(W *w, Expr *e)
{
	Object *o = ident_obj(w, e);
	if (!is_local_var(o) || !w->stack.len)
		return;
	bool def = o->pos.file == w->file && o->pos.off == e->pos;
	if (w->pass == 2) {
		VarState *vs = state(w, o);
		if (vs && def)
			vs->depth = w->depth + (w->for_init ? 1 : 0);
		return;
	}
	VarState *vs = declare(w, o);
	if (def)
		return;
	/* a free variable of every literal between its function and this one */
	for (size_t i = w->stack.len; i > 0; i--) {
		uint32_t fi = w->stack.data[i - 1];
		if (fi == vs->func)
			break;
		FTmp *f = &w->funcs.data[fi];
		bool have = false;
		for (size_t k = 0; k < f->caps.len && !have; k++)
			have = f->caps.data[k].var == o;
		if (!have) {
			TypesCapture cp = {o, false, false, false};
			vec_push(&f->caps, cp);
		}
		o->flags |= VF_CAPTURED;
	}
}

static const ConstVal *const_of(W *w, Expr *e)
{
	const TypesTV *tv = types_expr_tv(w->info, e);
	return tv && tv->mode == TV_CONST ? tv->val : NULL;
}

static Type *expr_type(W *w, Expr *e)
{
	const TypesTV *tv = types_expr_tv(w->info, e);
	return tv && tv->mode != TV_TYPE ? tv->type : NULL;
}

/* gc's ir.OuterValue as escape analysis follows it for addresses and assignments: through
 * parentheses, field selections without a pointer on the path, and indexing of arrays. */
static Object *outer_var(W *w, Expr *e)
{
	for (int d = 0; e && d < FACTS_MAX_DEPTH; d++) {
		switch (e->kind) {
		case EXPR_PAREN:
			e = e->paren.x;
			continue;
		case EXPR_SELECTOR: {
			Object *f = ident_obj(w, e->selector.sel);
			Type *xt = expr_type(w, e->selector.x);
			if (!f || f->kind != OBJ_VAR || !xt)
				return NULL;
			LookupResult r = types_lookup_field_or_method(w->c->a, xt, true, w->c->pkg, e->selector.sel->ident.name);
			if (r.obj != f || r.indirect)
				return NULL;
			e = e->selector.x;
			continue;
		}
		case EXPR_INDEX: {
			Type *xt = expr_type(w, e->index.x);
			if (!xt || types_under(xt)->kind != TY_ARRAY)
				return NULL;
			e = e->index.x;
			continue;
		}
		case EXPR_IDENT: {
			Object *o = ident_obj(w, e);
			return is_local_var(o) ? o : NULL;
		}
		case EXPR_BAD:
		case EXPR_ELLIPSIS:
		case EXPR_BASIC_LIT:
		case EXPR_FUNC_LIT:
		case EXPR_COMPOSITE_LIT:
		case EXPR_INDEX_LIST:
		case EXPR_SLICE:
		case EXPR_TYPE_ASSERT:
		case EXPR_CALL:
		case EXPR_STAR:
		case EXPR_UNARY:
		case EXPR_BINARY:
		case EXPR_KEY_VALUE:
		case EXPR_ARRAY_TYPE:
		case EXPR_STRUCT_TYPE:
		case EXPR_FUNC_TYPE:
		case EXPR_INTERFACE_TYPE:
		case EXPR_MAP_TYPE:
		case EXPR_CHAN_TYPE:
		case EXPR__COUNT:
			return NULL;
		}
	}
	return NULL;
}

static void mark_addr(W *w, Expr *e)
{
	Object *v = outer_var(w, e);
	if (!v)
		return;
	if (w->pass == 1)
		v->flags |= VF_ADDR_TAKEN;
	else if (state(w, v))
		state(w, v)->addr = true;
}

static void mark_assign(W *w, Expr *e)
{
	Object *v = outer_var(w, e);
	if (!v)
		return;
	if (w->pass == 1)
		v->flags |= VF_REASSIGNED;
	else if (state(w, v))
		state(w, v)->reassigned = true;
}

/* x.M with M's receiver a pointer and x not one: gc takes x's address (&x).M. */
static void method_recv(W *w, Expr *e)
{
	Object *m = ident_obj(w, e->selector.sel);
	if (!m || m->kind != OBJ_FUNC || !m->type || m->type->kind != TY_SIGNATURE || !m->type->sig.recv)
		return;
	Type *rt = m->type->sig.recv->type;
	if (!rt || types_unalias(rt)->kind != TY_POINTER)
		return;
	const TypesTV *xt = types_expr_tv(w->info, e->selector.x);
	if (!xt || !xt->type || xt->mode != TV_VAR)
		return; /* a method expression T.M, or a value that is not addressable */
	LookupResult r = types_lookup_field_or_method(w->c->a, xt->type, true, w->c->pkg, e->selector.sel->ident.name);
	if (r.obj && !r.indirect)
		mark_addr(w, e->selector.x);
}

static void func_body(W *w, uint32_t fi, Expr *ftype, FieldList *recv, Stmt *body);

/* A closure met: pass 1 makes it, pass 2 applies escape.go's first-capture rule. The index of
 * the function, UINT32_MAX when there is none. */
static uint32_t closure_met(W *w, Expr *e, Stmt *range)
{
	uint32_t fi;
	if (w->pass == 1) {
		FTmp f;
		memset(&f, 0, sizeof f);
		f.f = ARENA_NEW(w->c->a, TypesFunc);
		f.f->lit = e;
		f.f->range = range;
		f.f->file = w->file;
		f.f->pos = e ? e->pos : range->pos;
		f.f->outer = w->stack.len ? (int32_t)top(w) : -1;
		f.f->generic = w->generic;
		f.ftype = e ? e->func_lit.type : NULL;
		f.file = w->file;
		f.start = e ? syn_expr_pos(e) : syn_stmt_pos(range);
		f.end = e ? syn_expr_end(e) : syn_stmt_end(range);
		fi = (uint32_t)w->funcs.len;
		vec_push(&w->funcs, f);
		vec_push(&w->lits, fi);
		if (w->stack.len)
			vec_push(&w->funcs.data[top(w)].clos, w->funcs.data[fi].f);
	} else {
		if (w->nlit >= w->lits.len)
			return UINT32_MAX;
		fi = w->lits.data[w->nlit++];
		/* escape.go, OCLOSURE: first captures forget straight-line reassignments */
		FTmp *f = &w->funcs.data[fi];
		for (size_t k = 0; k < f->caps.len; k++) {
			VarState *vs = state(w, f->caps.data[k].var);
			if (vs && !vs->captured) {
				vs->captured = true;
				if (vs->depth == w->depth)
					vs->reassigned = false;
			}
		}
		vec_push(&w->order, fi);
	}
	return fi;
}

static void func_lit(W *w, Expr *e)
{
	uint32_t fi = closure_met(w, e, NULL);
	if (fi == UINT32_MAX)
		return;
	int save = w->depth;
	bool sfi = w->for_init;
	w->depth = 1;
	w->for_init = false;
	func_body(w, fi, e->func_lit.type, NULL, e->func_lit.body);
	w->depth = save;
	w->for_init = sfi;
}

static void wexprs(W *w, ExprList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		wexpr(w, l.v[i]);
}

static void wexpr(W *w, Expr *e)
{
	if (!e || ++w->rec > FACTS_MAX_DEPTH) {
		if (e)
			w->rec--;
		return;
	}
	if (e->kind != EXPR_IDENT && const_of(w, e)) {
		w->rec--;
		return; /* a constant (len of an array, unsafe.Sizeof(x)): gc compiles only its value */
	}
	switch (e->kind) {
	case EXPR_IDENT:
		ident(w, e);
		break;
	case EXPR_FUNC_LIT:
		func_lit(w, e);
		break;
	case EXPR_COMPOSITE_LIT:
		for (uint32_t i = 0; i < e->composite.elts.n; i++) {
			Expr *el = e->composite.elts.v[i];
			if (el->kind == EXPR_KEY_VALUE) {
				/* struct field names are not variables */
				const TypesTV *k = types_expr_tv(w->info, el->kv.key);
				if (el->kv.key->kind != EXPR_IDENT || (k && k->type))
					wexpr(w, el->kv.key);
				wexpr(w, el->kv.value);
			} else {
				wexpr(w, el);
			}
		}
		break;
	case EXPR_PAREN:
		wexpr(w, e->paren.x);
		break;
	case EXPR_SELECTOR:
		wexpr(w, e->selector.x);
		method_recv(w, e);
		break;
	case EXPR_INDEX:
	case EXPR_INDEX_LIST:
		wexpr(w, e->index.x);
		wexprs(w, e->index.indices);
		break;
	case EXPR_SLICE: {
		wexpr(w, e->slice.x);
		wexpr(w, e->slice.low);
		wexpr(w, e->slice.high);
		wexpr(w, e->slice.max);
		Type *xt = expr_type(w, e->slice.x);
		if (xt && types_under(xt)->kind == TY_ARRAY)
			mark_addr(w, e->slice.x);
		break;
	}
	case EXPR_TYPE_ASSERT:
		wexpr(w, e->assert.x);
		break;
	case EXPR_CALL:
		wexpr(w, e->call.fun);
		wexprs(w, e->call.args);
		break;
	case EXPR_STAR:
		wexpr(w, e->star.x);
		break;
	case EXPR_UNARY:
		wexpr(w, e->unary.x);
		if (e->unary.op == TOK_AND)
			mark_addr(w, e->unary.x);
		break;
	case EXPR_BINARY:
		wexpr(w, e->binary.x);
		wexpr(w, e->binary.y);
		break;
	case EXPR_KEY_VALUE:
		wexpr(w, e->kv.key);
		wexpr(w, e->kv.value);
		break;
	case EXPR_BAD:
	case EXPR_ELLIPSIS:
	case EXPR_BASIC_LIT:
	case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE:
	case EXPR_INTERFACE_TYPE:
	case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE:
	case EXPR__COUNT:
		break;
	}
	w->rec--;
}

static bool is_blank(Expr *e) { return e && e->kind == EXPR_IDENT && e->ident.name == types_name_blank; }

/* ---- the code gc compiles: cmd/compile/internal/noder writer.go's pruning ---- */

/* staticBool: +1 always true, -1 always false, 0 unknown; *eff is the part of e gc keeps. */
static int static_bool(W *w, Expr *e, Expr **eff, int depth)
{
	*eff = e;
	const ConstVal *v = const_of(w, e);
	if (v)
		return v->kind == CK_BOOL ? (const_bool_val(v) ? 1 : -1) : 0;
	if (depth > FACTS_MAX_DEPTH)
		return 0;
	if (e->kind == EXPR_UNARY && e->unary.op == TOK_NOT) {
		Expr *x;
		int r = static_bool(w, e->unary.x, &x, depth + 1); /* as gc: the operand's answer */
		*eff = x == e->unary.x ? e : x;
		return r;
	}
	if (e->kind != EXPR_BINARY || (e->binary.op != TOK_LAND && e->binary.op != TOK_LOR))
		return 0;
	bool and = e->binary.op == TOK_LAND;
	Expr *ex, *ey;
	int x = static_bool(w, e->binary.x, &ex, depth + 1);
	if (and ? x < 0 : x > 0) {
		*eff = ex;
		return x;
	}
	int y = static_bool(w, e->binary.y, &ey, depth + 1);
	if (and ? (x > 0 || y < 0) : (x < 0 || y > 0)) {
		if (const_of(w, e->binary.x))
			*eff = ey;
		return y;
	}
	return 0;
}

static bool terminates(W *w, Stmt *s, int depth)
{
	if (!s || depth > FACTS_MAX_DEPTH)
		return false;
	switch (s->kind) {
	case STMT_BRANCH: return s->branch.tok == TOK_GOTO;
	case STMT_RETURN: return true;
	case STMT_EXPR: {
		Expr *x = syn_unparen(s->expr.x);
		if (x->kind != EXPR_CALL)
			return false;
		Object *o = x->call.fun->kind == EXPR_IDENT ? ident_obj(w, x->call.fun) : NULL;
		return o && o->kind == OBJ_BUILTIN && o->builtin.id == BI_PANIC;
	}
	case STMT_IF: {
		Expr *eff;
		int cond = s->if_.cond ? static_bool(w, s->if_.cond, &eff, 0) : 0;
		return (cond < 0 || terminates(w, s->if_.body, depth + 1)) && (cond > 0 || terminates(w, s->if_.else_, depth + 1));
	}
	case STMT_BLOCK: {
		for (uint32_t i = s->block.list.n; i > 0; i--)
			if (s->block.list.v[i - 1]->kind != STMT_EMPTY)
				return terminates(w, s->block.list.v[i - 1], depth + 1);
		return false;
	}
	case STMT_BAD:
	case STMT_DECL:
	case STMT_EMPTY:
	case STMT_LABELED:
	case STMT_SEND:
	case STMT_INC_DEC:
	case STMT_ASSIGN:
	case STMT_GO:
	case STMT_DEFER:
	case STMT_CASE_CLAUSE:
	case STMT_SWITCH:
	case STMT_TYPE_SWITCH:
	case STMT_COMM_CLAUSE:
	case STMT_SELECT:
	case STMT_FOR:
	case STMT_RANGE:
	case STMT__COUNT:
		return false;
	}
	return false;
}

/* Statements after a terminating one (and after the last label) are dropped. */
static void wstmts(W *w, StmtList l)
{
	uint32_t last_label = 0;
	bool any_label = false;
	for (uint32_t i = 0; i < l.n; i++)
		if (l.v[i]->kind == STMT_LABELED) {
			last_label = i;
			any_label = true;
		}
	bool dead = false;
	for (uint32_t i = 0; i < l.n; i++) {
		if (dead && (!any_label || i > last_label) && l.v[i]->kind != STMT_LABELED)
			continue;
		wstmt(w, l.v[i]);
		dead = terminates(w, l.v[i], 0);
	}
}

static bool const_equal(W *w, const ConstVal *a, const ConstVal *b)
{
	if (a->kind != b->kind && a->kind >= CK_INT && b->kind >= CK_INT) {
		ConstKind k = a->kind > b->kind ? a->kind : b->kind;
		a = k == CK_FLOAT ? const_to_float(w->c->a, a) : const_to_complex(w->c->a, a);
		b = k == CK_FLOAT ? const_to_float(w->c->a, b) : const_to_complex(w->c->a, b);
		if (!a || !b)
			return false;
	}
	return a->kind == b->kind && a->kind != CK_UNKNOWN && const_compare(a, COP_EQL, b);
}

static bool has_fallthrough(StmtList l)
{
	for (uint32_t i = l.n; i > 0; i--) {
		Stmt *s = l.v[i - 1];
		if (s->kind == STMT_EMPTY)
			continue;
		for (int d = 0; s->kind == STMT_LABELED && s->labeled.stmt && d < FACTS_MAX_DEPTH; d++)
			s = s->labeled.stmt;
		return s->kind == STMT_BRANCH && s->branch.tok == TOK_FALLTHROUGH;
	}
	return false;
}

/* A switch on a constant with constant cases: gc keeps only the clause taken (NULL: none;
 * *all: keep every clause). */
static Stmt *switch_target(W *w, Stmt *s, bool *all)
{
	*all = true;
	const ConstVal *tag = NULL;
	ConstVal *t = NULL;
	if (s->switch_.tag) {
		tag = const_of(w, s->switch_.tag);
		if (!tag)
			return NULL;
	} else {
		t = const_make_bool(w->c->a, true);
		tag = t;
	}
	Stmt *body = s->switch_.body, *target = NULL;
	for (uint32_t i = 0; body && body->kind == STMT_BLOCK && i < body->block.list.n; i++) {
		Stmt *cl = body->block.list.v[i];
		if (cl->kind != STMT_CASE_CLAUSE)
			continue;
		if (cl->case_clause.list.n == 0)
			target = cl;
		for (uint32_t k = 0; k < cl->case_clause.list.n; k++) {
			const ConstVal *v = const_of(w, cl->case_clause.list.v[k]);
			if (!v)
				return NULL;
			if (const_equal(w, tag, v)) {
				target = cl;
				goto found;
			}
		}
	}
found:
	if (target && has_fallthrough(target->case_clause.body))
		return NULL;
	*all = false;
	return target;
}

static void assign(W *w, Stmt *s)
{
	ExprList lhs = s->assign.lhs;
	wexprs(w, s->assign.rhs);
	for (uint32_t i = 0; i < lhs.n; i++)
		wexpr(w, lhs.v[i]);
	for (uint32_t i = 0; i < lhs.n; i++) {
		Expr *l = lhs.v[i];
		if (is_blank(l))
			continue;
		if (s->assign.tok == TOK_DEFINE) {
			Object *o = l->kind == EXPR_IDENT ? ident_obj(w, l) : NULL;
			if (o && o->pos.file == w->file && o->pos.off == l->pos)
				continue; /* declared here */
		}
		mark_assign(w, l);
	}
}

static void func_body(W *w, uint32_t fi, Expr *ftype, FieldList *recv, Stmt *body);

/* for k, v := range f { body }: gc rewrites the body into a closure passed to f (rangefunc),
 * k and v its parameters. */
static bool range_func(W *w, Stmt *s)
{
	Type *xt = expr_type(w, s->range.x);
	Type *u = xt ? types_core_type(xt) : NULL;
	if (!u || u->kind != TY_SIGNATURE)
		return false;
	uint32_t fi = closure_met(w, NULL, s);
	if (fi == UINT32_MAX)
		return true;
	int save = w->depth;
	bool sfi = w->for_init;
	w->depth = 1;
	w->for_init = false;
	vec_push(&w->stack, fi);
	wexpr(w, s->range.key);
	wexpr(w, s->range.value);
	if (s->range.tok == TOK_ASSIGN) {
		if (s->range.key && !is_blank(s->range.key))
			mark_assign(w, s->range.key);
		if (s->range.value && !is_blank(s->range.value))
			mark_assign(w, s->range.value);
	}
	wstmt(w, s->range.body);
	w->stack.len--;
	w->depth = save;
	w->for_init = sfi;
	return true;
}

static void wstmt(W *w, Stmt *s)
{
	if (!s || ++w->rec > FACTS_MAX_DEPTH) {
		if (s)
			w->rec--;
		return;
	}
	switch (s->kind) {
	case STMT_DECL: {
		Decl *d = s->decl.decl;
		if (d->kind != DECL_GEN || d->gen.tok != TOK_VAR)
			break;
		for (uint32_t i = 0; i < d->gen.nspecs; i++) {
			Spec *sp = d->gen.specs[i];
			if (sp->kind != SPEC_VALUE)
				continue;
			for (uint32_t k = 0; k < sp->value.values.n; k++)
				wexpr(w, sp->value.values.v[k]);
			for (uint32_t k = 0; k < sp->value.names.n; k++)
				wexpr(w, sp->value.names.v[k]);
		}
		break;
	}
	case STMT_LABELED:
		wstmt(w, s->labeled.stmt);
		break;
	case STMT_EXPR:
		wexpr(w, s->expr.x);
		break;
	case STMT_SEND:
		wexpr(w, s->send.chan);
		wexpr(w, s->send.value);
		break;
	case STMT_INC_DEC:
		wexpr(w, s->inc_dec.x);
		mark_assign(w, s->inc_dec.x);
		break;
	case STMT_ASSIGN:
		assign(w, s);
		break;
	case STMT_GO:
	case STMT_DEFER:
		wexpr(w, s->go_defer.call);
		break;
	case STMT_RETURN: {
		wexprs(w, s->ret.results);
		/* escape.go ORETURN: the results are assigned */
		/* in a range-over-func body: the enclosing function's results */
		size_t si = w->stack.len;
		while (si > 1 && w->funcs.data[w->stack.data[si - 1]].f->range)
			si--;
		Expr *ft = w->funcs.data[w->stack.data[si - 1]].ftype;
		FieldList *rl = ft && ft->kind == EXPR_FUNC_TYPE ? ft->func_type.results : NULL;
		for (uint32_t i = 0; rl && i < rl->n; i++)
			for (uint32_t k = 0; k < rl->list[i]->names.n; k++)
				mark_assign(w, rl->list[i]->names.v[k]);
		break;
	}
	case STMT_BLOCK:
		wstmts(w, s->block.list);
		break;
	case STMT_IF: {
		Expr *eff = s->if_.cond;
		int cond = s->if_.cond ? static_bool(w, s->if_.cond, &eff, 0) : 0;
		wstmt(w, s->if_.init);
		wexpr(w, eff);
		if (cond >= 0)
			wstmt(w, s->if_.body);
		if (cond <= 0)
			wstmt(w, s->if_.else_);
		break;
	}
	case STMT_CASE_CLAUSE:
		wexprs(w, s->case_clause.list);
		wstmts(w, s->case_clause.body);
		break;
	case STMT_SWITCH: {
		bool all;
		Stmt *target = switch_target(w, s, &all);
		wstmt(w, s->switch_.init);
		if (all) {
			wexpr(w, s->switch_.tag);
			wstmt(w, s->switch_.body);
		} else if (target) {
			wstmts(w, target->case_clause.body);
		}
		break;
	}
	case STMT_TYPE_SWITCH: {
		wstmt(w, s->type_switch.init);
		Stmt *a = s->type_switch.assign;
		if (a && a->kind == STMT_ASSIGN && a->assign.rhs.n == 1)
			wexpr(w, a->assign.rhs.v[0]);
		else if (a && a->kind == STMT_EXPR)
			wexpr(w, a->expr.x);
		wstmt(w, s->type_switch.body);
		break;
	}
	case STMT_COMM_CLAUSE:
		wstmt(w, s->comm_clause.comm);
		wstmts(w, s->comm_clause.body);
		break;
	case STMT_SELECT:
		wstmt(w, s->select.body);
		break;
	case STMT_FOR: {
		bool sfi = w->for_init;
		w->for_init = true; /* per-iteration variables (Go 1.22) */
		wstmt(w, s->for_.init);
		w->for_init = sfi;
		w->depth++;
		Expr *eff = s->for_.cond;
		int cond = s->for_.cond ? static_bool(w, s->for_.cond, &eff, 0) : 0;
		wexpr(w, eff);
		if (cond >= 0) {
			wstmt(w, s->for_.post); /* gc walks the post statement before the body */
			wstmt(w, s->for_.body);
		}
		w->depth--;
		break;
	}
	case STMT_RANGE:
		wexpr(w, s->range.x);
		if (range_func(w, s))
			break;
		w->depth++;
		if (s->range.tok == TOK_DEFINE) {
			wexpr(w, s->range.key);
			wexpr(w, s->range.value);
		} else if (s->range.tok == TOK_ASSIGN) {
			wexpr(w, s->range.key);
			wexpr(w, s->range.value);
			if (s->range.key && !is_blank(s->range.key))
				mark_assign(w, s->range.key);
			if (s->range.value && !is_blank(s->range.value))
				mark_assign(w, s->range.value);
		}
		wstmt(w, s->range.body);
		w->depth--;
		break;
	case STMT_BAD:
	case STMT_EMPTY:
	case STMT_BRANCH:
	case STMT__COUNT:
		break;
	}
	w->rec--;
}

static void fields(W *w, FieldList *l)
{
	for (uint32_t i = 0; l && i < l->n; i++)
		for (uint32_t k = 0; k < l->list[i]->names.n; k++)
			wexpr(w, l->list[i]->names.v[k]);
}

static void func_body(W *w, uint32_t fi, Expr *ftype, FieldList *recv, Stmt *body)
{
	vec_push(&w->stack, fi);
	fields(w, recv);
	if (ftype && ftype->kind == EXPR_FUNC_TYPE) {
		fields(w, ftype->func_type.params);
		fields(w, ftype->func_type.results);
	}
	wstmt(w, body);
	w->stack.len--;
}

/* gc amd64 size, -1 when it depends on a type parameter (in generic code gc decides per
 * instantiation; go/types has no size for it either). */
static int64_t width(Type *t, int depth)
{
	if (!t || depth > 64)
		return -1;
	Type *u = types_under(t);
	if (types_is_typeparam(t))
		return -1;
	if (u->kind == TY_ARRAY && width(u->array.elem, depth + 1) < 0)
		return -1;
	if (u->kind == TY_STRUCT)
		for (uint32_t i = 0; i < u->strct.fields.len; i++)
			if (width(u->strct.fields.data[i]->type, depth + 1) < 0)
				return -1;
	return depth ? 0 : types_sizeof(t);
}

int64_t types_var_width(Type *t) { return width(t, 0); }

/* gc's flowClosure, for the closures in the order escape analysis met them. */
static void decide(W *w)
{
	for (size_t i = 0; i < w->order.len; i++) {
		FTmp *f = &w->funcs.data[w->order.data[i]];
		for (size_t k = 0; k < f->caps.len; k++) {
			TypesCapture *cp = &f->caps.data[k];
			VarState *vs = state(w, cp->var);
			if (!vs)
				continue;
			int64_t size = width(cp->var->type, 0);
			cp->addr = vs->addr;
			cp->assign = vs->reassigned;
			cp->byval = !vs->addr && !vs->reassigned && size <= 128;
			if (!cp->byval)
				vs->addr = true;
		}
	}
	w->order.len = 0;
}

/* One top-level function (or a package-level initializer holding literals): both passes. */
static void unit(W *w, Decl *d, Expr *init)
{
	size_t nlits = w->lits.len;
	uint32_t fi = UINT32_MAX;
	w->generic = false;
	if (d) {
		FTmp f;
		memset(&f, 0, sizeof f);
		f.f = ARENA_NEW(w->c->a, TypesFunc);
		f.f->obj = ident_obj(w, d->func.name);
		f.f->file = w->file;
		f.f->pos = d->pos;
		f.f->outer = -1;
		Expr *ft = d->func.type;
		f.ftype = ft;
		w->generic = (ft && ft->func_type.tparams && ft->func_type.tparams->n) ||
		             (d->func.recv && d->func.recv->n && d->func.recv->list[0]->type &&
		              (syn_unparen(d->func.recv->list[0]->type)->kind == EXPR_INDEX ||
		               syn_unparen(d->func.recv->list[0]->type)->kind == EXPR_INDEX_LIST ||
		               (syn_unparen(d->func.recv->list[0]->type)->kind == EXPR_STAR &&
		                (syn_unparen(syn_unparen(d->func.recv->list[0]->type)->star.x)->kind == EXPR_INDEX ||
		                 syn_unparen(syn_unparen(d->func.recv->list[0]->type)->star.x)->kind == EXPR_INDEX_LIST))));
		f.f->generic = w->generic;
		f.file = w->file;
		f.start = d->pos;
		f.end = syn_decl_end(d);
		fi = (uint32_t)w->funcs.len;
		vec_push(&w->funcs, f);
	}
	for (w->pass = 1; w->pass <= 2; w->pass++) {
		w->depth = 1;
		w->for_init = false;
		w->nlit = (uint32_t)nlits;
		if (d)
			func_body(w, fi, d->func.type, d->func.recv, d->func.body);
		else
			wexpr(w, init);
	}
	decide(w);
}

void check_facts(Checker *c)
{
	TypesInfo *info = c->pkg->info;
	if (!info)
		return;
	W w;
	memset(&w, 0, sizeof w);
	w.c = c;
	w.info = info;
	map_init(&w.vars);
	for (uint32_t i = 0; i < c->nfiles; i++) {
		SynFile *f = c->files[i];
		w.file = f->src->id;
		for (uint32_t k = 0; k < f->ndecls; k++) {
			Decl *d = f->decls[k];
			if (d->kind == DECL_FUNC && d->func.body) {
				unit(&w, d, NULL);
			} else if (d->kind == DECL_GEN && d->gen.tok == TOK_VAR) {
				for (uint32_t j = 0; j < d->gen.nspecs; j++) {
					Spec *sp = d->gen.specs[j];
					for (uint32_t v = 0; sp->kind == SPEC_VALUE && v < sp->value.values.n; v++)
						unit(&w, NULL, sp->value.values.v[v]);
				}
			}
		}
	}
	/* into the arena, in source order (a function before its literals) */
	info->nfuncs = (uint32_t)w.funcs.len;
	info->funcs = ARENA_ARRAY(c->a, TypesFunc *, w.funcs.len ? w.funcs.len : 1);
	for (size_t i = 0; i < w.funcs.len; i++) {
		FTmp *f = &w.funcs.data[i];
		TypesFunc *tf = f->f;
		tf->ncaptures = (uint32_t)f->caps.len;
		tf->captures = f->caps.len ? arena_memdup(c->a, f->caps.data, f->caps.len * sizeof *f->caps.data) : NULL;
		tf->nvars = (uint32_t)f->vars.len;
		tf->vars = f->vars.len ? arena_memdup(c->a, f->vars.data, f->vars.len * sizeof *f->vars.data) : NULL;
		tf->nclosures = (uint32_t)f->clos.len;
		tf->closures = f->clos.len ? arena_memdup(c->a, f->clos.data, f->clos.len * sizeof *f->clos.data) : NULL;
		info->funcs[i] = tf;
		vec_free(&f->caps);
		vec_free(&f->vars);
		vec_free(&f->clos);
	}
	vec_free(&w.funcs);
	vec_free(&w.stack);
	vec_free(&w.lits);
	vec_free(&w.order);
	map_free(&w.vars);
}
