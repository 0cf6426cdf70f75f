/*
 * check_errfmt.c: the pieces of types2's error messages: expressions printed as
 * cmd/compile/internal/syntax prints them in ShortForm (syntax.String: function and composite
 * literal bodies shortened to "{…}"), types qualified as the checker qualifies them (names of
 * the package being checked bare, others by package name), and operands described as
 * operandString describes them: "x (variable of type int)", "1.5 (untyped float constant)",
 * "p (variable of struct type P)", "nil".
 *
 * Every result is a string in the checker's arena.
 */
#include "types/check.h"

#include <string.h>

#define MAX_EXPR_DEPTH 200

static void puts_(TypesBuf *b, const char *s)
{
	for (; *s; s++)
		vec_push(b, *s);
}

static void putn(TypesBuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vec_push(b, s[i]);
}

static void expr(TypesBuf *b, Expr *e, int depth);

static void expr_list(TypesBuf *b, ExprList l, int depth)
{
	for (uint32_t i = 0; i < l.n; i++) {
		if (i)
			puts_(b, ", ");
		expr(b, l.v[i], depth + 1);
	}
}

/* A parameter or field list: "a, b int, c string" (names sharing a type grouped as written). */
static void fields(TypesBuf *b, FieldList *l, const char *sep, bool params, int depth)
{
	for (uint32_t i = 0; l && i < l->n; i++) {
		Field *f = l->list[i];
		if (i)
			puts_(b, sep);
		if (params || f->names.n) {
			for (uint32_t k = 0; k < f->names.n; k++) {
				if (k)
					puts_(b, ", ");
				expr(b, f->names.v[k], depth + 1);
			}
			if (f->names.n)
				vec_push(b, ' ');
		}
		expr(b, f->type, depth + 1);
		if (f->tag) {
			vec_push(b, ' ');
			expr(b, f->tag, depth + 1);
		}
	}
}

static void signature(TypesBuf *b, Expr *ft, int depth)
{
	if (ft->func_type.tparams) {
		vec_push(b, '[');
		fields(b, ft->func_type.tparams, ", ", true, depth);
		vec_push(b, ']');
	}
	vec_push(b, '(');
	fields(b, ft->func_type.params, ", ", true, depth);
	vec_push(b, ')');
	FieldList *r = ft->func_type.results;
	if (r && r->n) {
		vec_push(b, ' ');
		if (r->n == 1 && r->list[0]->names.n == 0) {
			expr(b, r->list[0]->type, depth + 1);
		} else {
			vec_push(b, '(');
			fields(b, r, ", ", true, depth);
			vec_push(b, ')');
		}
	}
}

static void expr(TypesBuf *b, Expr *e, int depth)
{
	if (!e)
		return;
	if (depth > MAX_EXPR_DEPTH) {
		puts_(b, "…");
		return;
	}
	switch (e->kind) {
	case EXPR_BAD: puts_(b, "<bad expr>"); break;
	case EXPR_IDENT: puts_(b, e->ident.name->s); break;
	case EXPR_BASIC_LIT: putn(b, e->lit.text, e->lit.len); break;
	case EXPR_ELLIPSIS:
		puts_(b, "...");
		expr(b, e->ellipsis.elt, depth + 1);
		break;
	case EXPR_FUNC_LIT:
		expr(b, e->func_lit.type, depth + 1);
		puts_(b, e->func_lit.body && e->func_lit.body->kind == STMT_BLOCK && e->func_lit.body->block.list.n ? " {…}" : " {}");
		break;
	case EXPR_COMPOSITE_LIT:
		expr(b, e->composite.type, depth + 1);
		puts_(b, e->composite.elts.n ? "{…}" : "{}");
		break;
	case EXPR_PAREN:
		vec_push(b, '(');
		expr(b, e->paren.x, depth + 1);
		vec_push(b, ')');
		break;
	case EXPR_SELECTOR:
		expr(b, e->selector.x, depth + 1);
		vec_push(b, '.');
		expr(b, e->selector.sel, depth + 1);
		break;
	case EXPR_INDEX:
	case EXPR_INDEX_LIST:
		expr(b, e->index.x, depth + 1);
		vec_push(b, '[');
		expr_list(b, e->index.indices, depth);
		vec_push(b, ']');
		break;
	case EXPR_SLICE:
		expr(b, e->slice.x, depth + 1);
		vec_push(b, '[');
		expr(b, e->slice.low, depth + 1);
		vec_push(b, ':');
		expr(b, e->slice.high, depth + 1);
		if (e->slice.max) {
			vec_push(b, ':');
			expr(b, e->slice.max, depth + 1);
		}
		vec_push(b, ']');
		break;
	case EXPR_TYPE_ASSERT:
		expr(b, e->assert.x, depth + 1);
		puts_(b, ".(");
		if (e->assert.type)
			expr(b, e->assert.type, depth + 1);
		else
			puts_(b, "type");
		vec_push(b, ')');
		break;
	case EXPR_CALL:
		expr(b, e->call.fun, depth + 1);
		vec_push(b, '(');
		expr_list(b, e->call.args, depth);
		if (e->call.ellipsis != SYN_NOPOS)
			puts_(b, "...");
		vec_push(b, ')');
		break;
	case EXPR_STAR:
		vec_push(b, '*');
		expr(b, e->star.x, depth + 1);
		break;
	case EXPR_UNARY:
		puts_(b, syn_tok_string(e->unary.op));
		expr(b, e->unary.x, depth + 1);
		break;
	case EXPR_BINARY:
		expr(b, e->binary.x, depth + 1);
		vec_push(b, ' ');
		puts_(b, syn_tok_string(e->binary.op));
		vec_push(b, ' ');
		expr(b, e->binary.y, depth + 1);
		break;
	case EXPR_KEY_VALUE:
		expr(b, e->kv.key, depth + 1);
		puts_(b, ": ");
		expr(b, e->kv.value, depth + 1);
		break;
	case EXPR_ARRAY_TYPE:
		vec_push(b, '[');
		if (e->array.len && e->array.len->kind == EXPR_ELLIPSIS && !e->array.len->ellipsis.elt)
			puts_(b, "...");
		else
			expr(b, e->array.len, depth + 1);
		vec_push(b, ']');
		expr(b, e->array.elt, depth + 1);
		break;
	case EXPR_STRUCT_TYPE:
		puts_(b, "struct{");
		fields(b, e->struct_type.fields, "; ", false, depth);
		vec_push(b, '}');
		break;
	case EXPR_FUNC_TYPE:
		puts_(b, "func");
		signature(b, e, depth);
		break;
	case EXPR_INTERFACE_TYPE: {
		puts_(b, "interface{");
		FieldList *l = e->iface.methods;
		for (uint32_t i = 0; l && i < l->n; i++) {
			Field *f = l->list[i];
			if (i)
				puts_(b, "; ");
			if (f->names.n && f->type && f->type->kind == EXPR_FUNC_TYPE) {
				expr(b, f->names.v[0], depth + 1);
				signature(b, f->type, depth + 1);
			} else {
				expr(b, f->type, depth + 1);
			}
		}
		vec_push(b, '}');
		break;
	}
	case EXPR_MAP_TYPE:
		puts_(b, "map[");
		expr(b, e->map.key, depth + 1);
		vec_push(b, ']');
		expr(b, e->map.value, depth + 1);
		break;
	case EXPR_CHAN_TYPE: {
		SynChanDir d = e->chan.dir;
		puts_(b, d == SYN_CHAN_RECV ? "<-chan" : d == SYN_CHAN_SEND ? "chan<-" : "chan");
		vec_push(b, ' ');
		Expr *el = e->chan.value;
		bool paren = d == SYN_CHAN_BOTH && el && el->kind == EXPR_CHAN_TYPE && el->chan.dir == SYN_CHAN_RECV;
		if (paren)
			vec_push(b, '(');
		expr(b, el, depth + 1);
		if (paren)
			vec_push(b, ')');
		break;
	}
	case EXPR__COUNT:
		break;
	}
}

static const char *finish(Checker *c, TypesBuf *b)
{
	const char *s = arena_strndup(c->a, b->data ? b->data : "", b->len);
	free(b->data);
	return s;
}

const char *check_expr_str(Checker *c, Expr *e)
{
	TypesBuf b = {0};
	expr(&b, e, 0);
	return finish(c, &b);
}

const char *check_type_str(Checker *c, Type *t)
{
	TypesBuf b = {0};
	if (t)
		types_write_rel(&b, t, c->pkg);
	return finish(c, &b);
}

/* compositeKind: "struct", "slice", ... for a composite underlying type, "" for a basic one. */
const char *check_composite_kind(Type *t)
{
	Type *u = types_under(t);
	switch (u->kind) {
	case TY_BASIC: return "";
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_SIGNATURE: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	case TY_TUPLE: return "tuple";
	case TY_UNION: return "union";
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT: return "";
	}
	return "";
}

/* The mode word of an operand: types2 has modes the checker folds into OP_VALUE (map index
 * expressions, comma-ok expressions); they are told apart by the expression. */
static const char *mode_word(Checker *c, Expr *e, const Operand *x)
{
	switch (x->mode) {
	case OP_INVALID: return "invalid operand";
	case OP_NOVALUE: return "no value";
	case OP_TYPE: return "type";
	case OP_CONST: return "constant";
	case OP_VAR: return "variable";
	case OP_BUILTIN: return "built-in";
	case OP_PKG: return "package";
	case OP_NIL: return "nil";
	case OP_VALUE: break;
	}
	Expr *u = e ? syn_unparen(e) : NULL;
	if (u && (u->kind == EXPR_TYPE_ASSERT || (u->kind == EXPR_UNARY && u->unary.op == TOK_ARROW)))
		return "comma, ok expression";
	if (u && u->kind == EXPR_INDEX) {
		Operand y;
		bool rec = c->record;
		c->record = false;
		c->quiet++;
		check_expr(c, 0, u->index.x, &y, NULL);
		c->quiet--;
		c->record = rec;
		Type *ct = y.type && y.mode != OP_TYPE ? types_core_type(y.type) : NULL;
		if (ct && ct->kind == TY_MAP)
			return "map index expression";
	}
	return "value";
}

const char *check_operand_str(Checker *c, Expr *e, const Operand *x)
{
	TypesBuf b = {0};
	if (x->mode == OP_NIL && (!x->type || x->type == types_typ[BK_UNTYPED_NIL])) {
		puts_(&b, "nil");
		return finish(c, &b);
	}
	const char *es = NULL;
	if (e) {
		es = check_expr_str(c, e);
	} else if (x->mode == OP_BUILTIN && x->obj) {
		es = x->obj->name->s;
	} else if (x->mode == OP_TYPE && x->type) {
		es = check_type_str(c, x->type);
	} else if (x->mode == OP_CONST && x->val) {
		char *s = const_string(x->val);
		es = arena_strndup(c->a, s, strlen(s));
		free(s);
	}
	if (es && *es) {
		puts_(&b, es);
		puts_(&b, " (");
	}
	bool has_type = false;
	if (x->mode != OP_INVALID && x->mode != OP_NOVALUE && x->mode != OP_BUILTIN && x->mode != OP_TYPE && x->type) {
		if (types_is_untyped(x->type)) {
			puts_(&b, x->type->basic.name);
			vec_push(&b, ' ');
		} else {
			has_type = true;
		}
	}
	puts_(&b, mode_word(c, e, x));
	if (x->mode == OP_CONST && x->val) {
		char *s = const_string(x->val);
		if (!es || strcmp(s, es) != 0) {
			vec_push(&b, ' ');
			puts_(&b, s);
		}
		free(s);
	}
	if (has_type) {
		Type *t = x->type;
		puts_(&b, " of ");
		if (types_is_generic(t))
			puts_(&b, "generic ");
		Type *ua = types_unalias(t);
		bool tpar = ua && ua->kind == TY_TYPEPARAM;
		if (!tpar && (t->kind == TY_ALIAS || t->kind == TY_NAMED)) {
			const char *what = check_composite_kind(t);
			if (!*what) {
				Type *u = types_under(t);
				what = u->kind == TY_BASIC ? u->basic.name : "";
			}
			if (*what) {
				puts_(&b, what);
				vec_push(&b, ' ');
			}
		}
		puts_(&b, "type ");
		types_write_rel(&b, t, c->pkg);
		if (tpar) {
			puts_(&b, " constrained by ");
			types_write_rel(&b, ua->tparam.bound, c->pkg);
		}
	}
	if (es && *es)
		vec_push(&b, ')');
	return finish(c, &b);
}
