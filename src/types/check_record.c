/*
 * check_record.c: the type and value of every expression, as go/types records them in
 * Info.Types, kept in a side table (Checker.tvchunks, then Package.info) indexed by the node's
 * `tv` field: no hashing, one array access per lookup.
 *
 * check_expr and check_typexpr record each node when they finish with it. An untyped
 * expression is recorded with its untyped type and flagged TVF_UNTYPED, as go/types'
 * rememberUntyped does; when the context gives it a type (assignment, a typed operand of a
 * binary operation, a conversion, an index), check_update_type walks it down the way
 * updateExprType does and gives the flagged entries their final type. Entries still flagged
 * at the end keep their untyped type (go/types recordUntyped). Identifier nodes also carry
 * their object (Defs/Uses), so later stages resolve names through the same table.
 */
#include "types/check.h"

#include <string.h>

const char *const types_tv_mode_names[TV__COUNT] = {
#define X(e, s) s,
    TYPES_TV_MODES(X)
#undef X
};

static TypesTV *entry(Checker *c, Expr *e)
{
	if (!e || !e->tv || e->tv > c->ntvs)
		return NULL;
	TypesTV *tv = &c->tvchunks.data[(e->tv - 1) / TYPES_TV_CHUNK][(e->tv - 1) % TYPES_TV_CHUNK];
	return tv->e == e ? tv : NULL;
}

static TypesTV *entry_new(Checker *c, uint32_t file, Expr *e)
{
	TypesTV *tv = entry(c, e);
	if (tv)
		return tv;
	if (c->ntvs % TYPES_TV_CHUNK == 0) {
		TypesTV *chunk = ARENA_ARRAY(c->a, TypesTV, TYPES_TV_CHUNK); /* zeroed */
		vec_push(&c->tvchunks, chunk);
	}
	tv = &c->tvchunks.data[c->ntvs / TYPES_TV_CHUNK][c->ntvs % TYPES_TV_CHUNK];
	tv->e = e;
	tv->file = file;
	e->tv = ++c->ntvs;
	return tv;
}

const TypesTV *types_expr_tv(const TypesInfo *info, const Expr *e)
{
	if (!info || !e || !e->tv || e->tv > info->ntvs)
		return NULL;
	const TypesTV *tv = types_tv_at(info, e->tv - 1);
	return tv->e == e ? tv : NULL;
}

void check_record_obj(Checker *c, uint32_t file, Expr *id, Object *obj)
{
	if (!c->record || !obj || !id)
		return;
	entry_new(c, file, id)->obj = obj;
}

static void put(Checker *c, uint32_t file, Expr *e, TvMode m, Type *t, ConstVal *v)
{
	TypesTV *tv = entry_new(c, file, e);
	tv->mode = (uint8_t)m;
	tv->type = t;
	tv->val = v;
	tv->flags = 0;
	if (t && types_is_untyped(t))
		tv->flags |= TVF_UNTYPED;
}

static bool is_map_index(Checker *c, Expr *e)
{
	if (e->kind != EXPR_INDEX)
		return false;
	TypesTV *x = entry(c, e->index.x);
	if (!x || !x->type || x->mode == TV_TYPE)
		return false;
	Type *u = types_core_type(x->type);
	return u && u->kind == TY_MAP;
}

void check_record_tv(Checker *c, uint32_t file, Expr *e, const Operand *x)
{
	if (!c->record || !e)
		return;
	switch (x->mode) {
	case OP_INVALID:
	case OP_PKG:
		return;
	case OP_BUILTIN: {
		/* the builtin itself (invalid type), then its signature once called (recordBuiltinType) */
		TypesTV *old = entry(c, e);
		put(c, file ? file : old ? old->file : 0, e, TV_BUILTIN, x->type ? x->type : check_invalid(), NULL);
		return;
	}
	case OP_NOVALUE:
		if (!c->empty_tuple)
			c->empty_tuple = types_new_tuple(c->a, NULL, 0);
		put(c, file, e, TV_NOVALUE, c->empty_tuple, NULL);
		return;
	case OP_TYPE:
		if (x->type && x->type != check_invalid())
			put(c, file, e, TV_TYPE, x->type, NULL);
		return;
	case OP_CONST:
		if (x->type && x->val && x->type != check_invalid())
			put(c, file, e, TV_CONST, x->type, x->val);
		return;
	case OP_NIL:
		put(c, file, e, TV_VALUE, types_typ[BK_UNTYPED_NIL], NULL);
		return;
	case OP_VAR:
	case OP_VALUE:
		if (!x->type || x->type == check_invalid())
			return;
		if (x->type->kind == TY_SIGNATURE && x->type->sig.tparams.len && !c->generic_ok)
			return; /* a generic function value: recorded once instantiated (a call, an assignment) */
		if (e->kind == EXPR_TYPE_ASSERT || (e->kind == EXPR_UNARY && e->unary.op == TOK_ARROW))
			put(c, file, e, TV_COMMAOK, x->type, NULL);
		else if (e->kind == EXPR_PAREN && entry(c, e->paren.x) &&
		         (entry(c, e->paren.x)->mode == TV_COMMAOK || entry(c, e->paren.x)->mode == TV_MAPINDEX))
			put(c, file, e, (TvMode)entry(c, e->paren.x)->mode, x->type, NULL);
		else
			put(c, file, e, is_map_index(c, e) ? TV_MAPINDEX : x->mode == OP_VAR ? TV_VAR : TV_VALUE, x->type, NULL);
		return;
	}
}

void check_record_type(Checker *c, uint32_t file, Expr *e, Type *t)
{
	if (!c->record || !e || !t || t == check_invalid())
		return;
	put(c, file, e, TV_TYPE, t, NULL);
}

/* f in a call f(args) of a generic function: its instantiated signature (go/types records
 * call.Fun again once the type arguments are inferred). */
void check_record_fun(Checker *c, uint32_t file, Expr *fun, Type *sig)
{
	if (!c->record || !fun || !sig)
		return;
	for (int d = 0; fun && d < 1000; d++) {
		put(c, file, fun, TV_VALUE, sig, NULL);
		if (fun->kind != EXPR_PAREN)
			break;
		fun = fun->paren.x;
	}
}

/* v, ok = e: e's type becomes the tuple (T, bool) (go/types recordCommaOkTypes); its mode
 * stays commaok (receive, type assertion) or mapindex. */
void check_record_commaok(Checker *c, Expr *e)
{
	if (!c->record)
		return;
	for (int d = 0; e && d < 1000; d++) {
		TypesTV *tv = entry(c, e);
		if (!tv || !tv->type || tv->type->kind == TY_TUPLE)
			return;
		Type *t0 = types_is_untyped(tv->type) ? types_default(tv->type) : tv->type;
		Object *vs[2];
		Pos p = {tv->file, syn_expr_pos(e)};
		vs[0] = types_new_var(c->a, VK_LOCAL, c->pkg, p, NULL, t0);
		vs[1] = types_new_var(c->a, VK_LOCAL, c->pkg, p, NULL, types_typ[BK_BOOL]);
		tv->type = types_new_tuple(c->a, vs, 2);
		tv->flags = 0;
		if (e->kind != EXPR_PAREN)
			return;
		e = e->paren.x;
	}
}

void check_record_incdec(Checker *c, uint32_t file, Stmt *s, const Operand *x)
{
	if (!c->record || !x->type || (x->mode != OP_VAR && x->mode != OP_VALUE) || types_is_untyped(x->type))
		return;
	Type *u = types_under(x->type);
	if (u->kind != TY_BASIC && !types_is_typeparam(x->type))
		return;
	Expr *one = ARENA_NEW(c->a, Expr);
	one->kind = EXPR_BASIC_LIT;
	one->pos = syn_expr_pos(s->inc_dec.x);
	one->lit.kind = TOK_INT;
	one->lit.len = 1;
	one->lit.text = "1";
	ConstVal *v = const_make_int64(c->a, 1);
	if (u->kind == TY_BASIC && (u->flags & (TF_FLOAT | TF_COMPLEX))) {
		ConstVal *r = NULL;
		if (const_representable(c->a, v, u->basic.kind, &r) && r)
			v = r;
	}
	put(c, file, one, TV_CONST, x->type, v);
	s->inc_dec.one = one;
}

/* ---- untyped operands ---- */

static bool is_nil_operand(const Operand *x)
{
	return x->mode == OP_NIL || (x->type && x->type->kind == TY_BASIC && x->type->basic.kind == BK_UNTYPED_NIL);
}

/* Whether every type of t's type set (t itself when it is not a type parameter) satisfies
 * pred; a type parameter without specific types satisfies nothing. */
static bool all_of(Type *t, bool (*pred)(Type *u))
{
	if (!t)
		return false;
	if (!types_is_typeparam(t))
		return pred(types_under(t));
	TypeSet *ts = types_typeset(types_under(t));
	if (!ts || ts->all || ts->nterms == 0)
		return false;
	for (uint32_t i = 0; i < ts->nterms; i++)
		if (!pred(types_under(ts->terms[i].type)))
			return false;
	return true;
}

static bool p_numeric(Type *u) { return u->kind == TY_BASIC && (u->flags & TF_NUMERIC); }
static bool p_boolean(Type *u) { return u->kind == TY_BASIC && (u->flags & TF_BOOLEAN); }
static bool p_string(Type *u) { return u->kind == TY_BASIC && (u->flags & TF_STRING); }

static bool p_hasnil(Type *u)
{
	switch (u->kind) {
	case TY_BASIC: return u->basic.kind == BK_UNSAFE_POINTER;
	case TY_POINTER:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
	case TY_SIGNATURE:
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

static bool has_nil(Type *t)
{
	if (types_is_typeparam(t))
		return all_of(t, p_hasnil);
	return p_hasnil(types_under(t));
}

static bool is_nontp_iface(Type *t) { return t && !types_is_typeparam(t) && types_is_interface(t); }

/* go/types implicitTypeAndValue: the type untyped x takes in a context of type target
 * (NULL: it cannot); *val the constant converted to it when that changes it. */
static Type *implicit_type(Checker *c, const Operand *x, Type *target, ConstVal **val)
{
	*val = NULL;
	if (!x->type || !types_is_untyped(x->type) || !target || target == check_invalid())
		return x->type;
	Type *xt = x->type;
	if (types_is_untyped(target)) {
		if (xt == target)
			return xt;
		if ((xt->flags & TF_NUMERIC) && (target->flags & TF_NUMERIC))
			return xt->basic.kind > target->basic.kind ? xt : target;
		return NULL;
	}
	if (types_is_typeparam(target)) {
		if (is_nil_operand(x))
			return types_typ[BK_UNTYPED_NIL];
		return target;
	}
	Type *u = types_under(target);
	switch (u->kind) {
	case TY_BASIC:
		if (x->mode == OP_CONST && x->val) {
			ConstVal *r = NULL;
			if (u->basic.kind >= BK_UNTYPED_BOOL || u->basic.kind == BK_INVALID)
				return NULL;
			if (!const_representable(c->a, x->val, u->basic.kind, &r))
				return NULL;
			*val = r;
			return target;
		}
		if (is_nil_operand(x))
			return u->basic.kind == BK_UNSAFE_POINTER ? types_typ[BK_UNTYPED_NIL] : NULL;
		if ((xt->flags & TF_BOOLEAN) && !(u->flags & TF_BOOLEAN))
			return NULL;
		if ((xt->flags & TF_NUMERIC) && !(u->flags & TF_NUMERIC))
			return NULL;
		return target;
	case TY_INTERFACE:
		if (is_nil_operand(x))
			return types_typ[BK_UNTYPED_NIL];
		if (!types_is_empty_iface(u))
			return NULL;
		return types_default(xt);
	case TY_POINTER:
	case TY_SIGNATURE:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
		return is_nil_operand(x) ? types_typ[BK_UNTYPED_NIL] : NULL;
	case TY_ARRAY:
	case TY_STRUCT:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		return NULL;
	}
	return NULL;
}

void check_update_type(Checker *c, Expr *e, Type *t, bool final)
{
	if (!c->record)
		return; /* re-evaluating: the recorded entries belong to the first evaluation */
	TypesTV *tv = entry(c, e);
	if (!tv || !(tv->flags & TVF_UNTYPED) || !t || ++c->depth > CHECK_MAX_DEPTH) {
		if (tv && (tv->flags & TVF_UNTYPED) && t)
			c->depth--;
		return;
	}
	bool cnst = tv->mode == TV_CONST && tv->val;
	switch (e->kind) {
	case EXPR_PAREN:
		check_update_type(c, e->paren.x, t, final);
		break;
	case EXPR_UNARY:
		if (!cnst)
			check_update_type(c, e->unary.x, t, final);
		break;
	case EXPR_BINARY: {
		if (cnst)
			break;
		TokKind op = e->binary.op;
		if (op == TOK_EQL || op == TOK_NEQ || op == TOK_LSS || op == TOK_LEQ || op == TOK_GTR || op == TOK_GEQ)
			break;
		check_update_type(c, e->binary.x, t, final);
		if (op != TOK_SHL && op != TOK_SHR)
			check_update_type(c, e->binary.y, t, final);
		break;
	}
	case EXPR_BAD:
	case EXPR_IDENT:
	case EXPR_ELLIPSIS:
	case EXPR_BASIC_LIT:
	case EXPR_FUNC_LIT:
	case EXPR_COMPOSITE_LIT:
	case EXPR_SELECTOR:
	case EXPR_INDEX:
	case EXPR_INDEX_LIST:
	case EXPR_SLICE:
	case EXPR_TYPE_ASSERT:
	case EXPR_CALL:
	case EXPR_STAR:
	case EXPR_KEY_VALUE:
	case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE:
	case EXPR_INTERFACE_TYPE:
	case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE:
	case EXPR__COUNT:
		break;
	}
	c->depth--;
	tv = entry(c, e); /* the table may have grown */
	if (!final && types_is_untyped(t)) {
		tv->type = types_under(t);
		return;
	}
	tv->flags &= (uint8_t)~(TVF_UNTYPED | TVF_SHIFT_LHS);
	tv->type = t;
}

static void update_val(Checker *c, Expr *e, ConstVal *v)
{
	TypesTV *tv = c->record ? entry(c, e) : NULL;
	if (tv && (tv->flags & TVF_UNTYPED) && tv->mode == TV_CONST)
		tv->val = v;
}

static bool is_value(const Operand *x) { return x->mode == OP_CONST || x->mode == OP_VAR || x->mode == OP_VALUE || x->mode == OP_NIL; }

void check_record_convert(Checker *c, Expr *e, Operand *x, Type *target)
{
	if (!is_value(x) || !x->type || !types_is_untyped(x->type) || !target)
		return;
	if (types_under(target) == check_invalid()) {
		/* C.int or a type defined from one (cgo): that is the type, its underlying one is
		 * not known (the dump leaves out what prints as invalid) */
		check_update_type(c, e, target, true);
		return;
	}
	ConstVal *v;
	Type *nt = implicit_type(c, x, target, &v);
	if (!nt)
		return;
	if (v) {
		x->val = v;
		update_val(c, e, v);
	}
	if (nt != x->type) {
		x->type = nt;
		check_update_type(c, e, nt, false);
	}
}

void check_assign_untyped(Checker *c, Expr *e, Operand *x, Type *target)
{
	if (!is_value(x) || !x->type || !types_is_untyped(x->type))
		return;
	if (target && target->kind == TY_TUPLE)
		return;
	if (!target || is_nontp_iface(target))
		target = types_default(x->type);
	check_record_convert(c, e, x, target);
}

void check_match_types(Checker *c, Expr *ex, Operand *x, Expr *ey, Operand *y)
{
	if (!x->type || !y->type || !is_value(x) || !is_value(y))
		return;
	bool xu = types_is_untyped(x->type), yu = types_is_untyped(y->type);
	if (!xu && !yu)
		return;
	if (all_of(x->type, p_numeric) != all_of(y->type, p_numeric))
		return;
	if (!is_nontp_iface(x->type) && !is_nontp_iface(y->type)) {
		if (all_of(x->type, p_boolean) != all_of(y->type, p_boolean))
			return;
		if (all_of(x->type, p_string) != all_of(y->type, p_string))
			return;
		if (is_nil_operand(x) && !has_nil(y->type))
			return;
		if (is_nil_operand(y) && !has_nil(x->type))
			return;
		if (!is_nil_operand(x) && !is_nil_operand(y) &&
		    (types_under(x->type)->kind == TY_POINTER || types_under(y->type)->kind == TY_POINTER))
			return;
	}
	Type *yt = y->type;
	check_record_convert(c, ex, x, yt);
	check_record_convert(c, ey, y, x->type);
}

void check_finish_comparison(Checker *c, Expr *ex, Operand *x, Expr *ey, Operand *y)
{
	if (x->mode == OP_CONST && y->mode == OP_CONST)
		return;
	if (x->type)
		check_update_type(c, ex, types_is_untyped(x->type) ? types_default(x->type) : x->type, true);
	if (y->type)
		check_update_type(c, ey, types_is_untyped(y->type) ? types_default(y->type) : y->type, true);
}

/* The table (its chunks are in the package's arena already) goes to the package. */
void check_record_finish(Checker *c)
{
	TypesInfo *info = c->pkg->info;
	if (!info) {
		info = ARENA_NEW(c->a, TypesInfo);
		c->pkg->info = info;
	}
	info->ntvs = c->ntvs;
	info->tvchunks = c->tvchunks.len ? arena_memdup(c->a, c->tvchunks.data, c->tvchunks.len * sizeof *c->tvchunks.data) : NULL;
	for (uint32_t i = 0; i < info->ntvs; i++)
		types_tv_at(info, i)->flags &= (uint8_t)~(TVF_UNTYPED | TVF_SHIFT_LHS);
	vec_free(&c->tvchunks);
}
