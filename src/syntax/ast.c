/*
 * AST helpers: kind names and go/ast's Pos()/End() for every node, transcribed from
 * go/ast/ast.go (each function below mirrors the method of the same node there).
 */
#include "syntax/ast.h"

#include <string.h>

static const char *const expr_names[] = {
#define X(e, s) s,
	EXPR_KINDS(X)
#undef X
};
static const char *const stmt_names[] = {
#define X(e, s) s,
	STMT_KINDS(X)
#undef X
};

const char *syn_expr_kind_name(ExprKind k) { return k < EXPR__COUNT ? expr_names[k] : "?"; }
const char *syn_stmt_kind_name(StmtKind k) { return k < STMT__COUNT ? stmt_names[k] : "?"; }

static uint32_t add(uint32_t p, uint32_t n) { return p == SYN_NOPOS ? SYN_NOPOS : p + n; }

Expr *syn_unparen(Expr *e)
{
	while (e && e->kind == EXPR_PAREN)
		e = e->paren.x;
	return e;
}

uint32_t syn_fieldlist_pos(const FieldList *l)
{
	if (l->opening != SYN_NOPOS)
		return l->opening;
	if (l->n > 0)
		return syn_field_pos(l->list[0]);
	return SYN_NOPOS;
}

uint32_t syn_fieldlist_end(const FieldList *l)
{
	if (l->closing != SYN_NOPOS)
		return l->closing + 1;
	if (l->n > 0)
		return syn_field_end(l->list[l->n - 1]);
	return SYN_NOPOS;
}

uint32_t syn_field_pos(const Field *f)
{
	if (f->names.n > 0)
		return syn_expr_pos(f->names.v[0]);
	if (f->type)
		return syn_expr_pos(f->type);
	return SYN_NOPOS;
}

uint32_t syn_field_end(const Field *f)
{
	if (f->tag)
		return syn_expr_end(f->tag);
	if (f->type)
		return syn_expr_end(f->type);
	if (f->names.n > 0)
		return syn_expr_end(f->names.v[f->names.n - 1]);
	return SYN_NOPOS;
}

uint32_t syn_expr_pos(const Expr *e)
{
	/* Left spines (x.f.g(h)[i]...) are walked iteratively. */
	for (;;) {
		switch (e->kind) {
		case EXPR_BAD:
		case EXPR_IDENT:
		case EXPR_ELLIPSIS:
		case EXPR_BASIC_LIT:
		case EXPR_PAREN:
		case EXPR_STAR:
		case EXPR_UNARY:
		case EXPR_ARRAY_TYPE:
		case EXPR_STRUCT_TYPE:
		case EXPR_INTERFACE_TYPE:
		case EXPR_MAP_TYPE:
		case EXPR_CHAN_TYPE:
			return e->pos;
		case EXPR_FUNC_LIT:
			e = e->func_lit.type;
			continue;
		case EXPR_COMPOSITE_LIT:
			if (!e->composite.type)
				return e->pos;
			e = e->composite.type;
			continue;
		case EXPR_SELECTOR:
			e = e->selector.x;
			continue;
		case EXPR_INDEX:
		case EXPR_INDEX_LIST:
			e = e->index.x;
			continue;
		case EXPR_SLICE:
			e = e->slice.x;
			continue;
		case EXPR_TYPE_ASSERT:
			e = e->assert.x;
			continue;
		case EXPR_CALL:
			e = e->call.fun;
			continue;
		case EXPR_BINARY:
			e = e->binary.x;
			continue;
		case EXPR_KEY_VALUE:
			e = e->kv.key;
			continue;
		case EXPR_FUNC_TYPE:
			if (e->func_type.func_pos != SYN_NOPOS || !e->func_type.params)
				return e->func_type.func_pos;
			return syn_fieldlist_pos(e->func_type.params);
		case EXPR__COUNT:
			break;
		}
		return SYN_NOPOS;
	}
}

uint32_t syn_expr_end(const Expr *e)
{
	for (;;) {
		switch (e->kind) {
		case EXPR_BAD:
			return e->bad.to;
		case EXPR_IDENT:
			return e->pos + e->ident.name->len;
		case EXPR_ELLIPSIS:
			if (!e->ellipsis.elt)
				return e->pos + 3;
			e = e->ellipsis.elt;
			continue;
		case EXPR_BASIC_LIT:
			return e->pos + e->lit.len;
		case EXPR_FUNC_LIT:
			return syn_stmt_end(e->func_lit.body);
		case EXPR_COMPOSITE_LIT:
			return add(e->composite.rbrace, 1);
		case EXPR_PAREN:
			return add(e->paren.rparen, 1);
		case EXPR_SELECTOR:
			e = e->selector.sel;
			continue;
		case EXPR_INDEX:
		case EXPR_INDEX_LIST:
			return add(e->index.rbrack, 1);
		case EXPR_SLICE:
			return add(e->slice.rbrack, 1);
		case EXPR_TYPE_ASSERT:
			return add(e->assert.rparen, 1);
		case EXPR_CALL:
			return add(e->call.rparen, 1);
		case EXPR_STAR:
			e = e->star.x;
			continue;
		case EXPR_UNARY:
			e = e->unary.x;
			continue;
		case EXPR_BINARY:
			e = e->binary.y;
			continue;
		case EXPR_KEY_VALUE:
			e = e->kv.value;
			continue;
		case EXPR_ARRAY_TYPE:
			e = e->array.elt;
			continue;
		case EXPR_STRUCT_TYPE:
			return syn_fieldlist_end(e->struct_type.fields);
		case EXPR_FUNC_TYPE:
			if (e->func_type.results)
				return syn_fieldlist_end(e->func_type.results);
			return syn_fieldlist_end(e->func_type.params);
		case EXPR_INTERFACE_TYPE:
			return syn_fieldlist_end(e->iface.methods);
		case EXPR_MAP_TYPE:
			e = e->map.value;
			continue;
		case EXPR_CHAN_TYPE:
			e = e->chan.value;
			continue;
		case EXPR__COUNT:
			break;
		}
		return SYN_NOPOS;
	}
}

uint32_t syn_stmt_pos(const Stmt *s)
{
	switch (s->kind) {
	case STMT_BAD:
		return s->bad.from;
	case STMT_DECL:
		return syn_decl_pos(s->decl.decl);
	case STMT_EMPTY:
		return s->empty.semi;
	case STMT_LABELED:
		return syn_expr_pos(s->labeled.label);
	case STMT_EXPR:
		return syn_expr_pos(s->expr.x);
	case STMT_SEND:
		return syn_expr_pos(s->send.chan);
	case STMT_INC_DEC:
		return syn_expr_pos(s->inc_dec.x);
	case STMT_ASSIGN:
		return s->assign.lhs.n ? syn_expr_pos(s->assign.lhs.v[0]) : SYN_NOPOS;
	case STMT_GO:
	case STMT_DEFER:
	case STMT_RETURN:
	case STMT_BRANCH:
	case STMT_BLOCK:
	case STMT_IF:
	case STMT_CASE_CLAUSE:
	case STMT_SWITCH:
	case STMT_TYPE_SWITCH:
	case STMT_COMM_CLAUSE:
	case STMT_SELECT:
	case STMT_FOR:
	case STMT_RANGE:
		return s->pos;
	case STMT__COUNT:
		break;
	}
	return SYN_NOPOS;
}

uint32_t syn_stmt_end(const Stmt *s)
{
	for (;;) {
		switch (s->kind) {
		case STMT_BAD:
			return s->bad.to;
		case STMT_DECL:
			return syn_decl_end(s->decl.decl);
		case STMT_EMPTY:
			return s->empty.implicit ? s->empty.semi : s->empty.semi + 1;
		case STMT_LABELED:
			s = s->labeled.stmt;
			continue;
		case STMT_EXPR:
			return syn_expr_end(s->expr.x);
		case STMT_SEND:
			return syn_expr_end(s->send.value);
		case STMT_INC_DEC:
			return s->pos + 2;
		case STMT_ASSIGN:
			return s->assign.rhs.n ? syn_expr_end(s->assign.rhs.v[s->assign.rhs.n - 1]) : SYN_NOPOS;
		case STMT_GO:
		case STMT_DEFER:
			return syn_expr_end(s->go_defer.call);
		case STMT_RETURN:
			if (s->ret.results.n)
				return syn_expr_end(s->ret.results.v[s->ret.results.n - 1]);
			return s->pos + 6;
		case STMT_BRANCH:
			if (s->branch.label)
				return syn_expr_end(s->branch.label);
			return s->pos + (uint32_t)strlen(syn_tok_string(s->branch.tok));
		case STMT_BLOCK:
			if (s->block.rbrace != SYN_NOPOS)
				return s->block.rbrace + 1;
			if (s->block.list.n) {
				s = s->block.list.v[s->block.list.n - 1];
				continue;
			}
			return s->pos + 1;
		case STMT_IF:
			s = s->if_.else_ ? s->if_.else_ : s->if_.body;
			continue;
		case STMT_CASE_CLAUSE:
			if (s->case_clause.body.n) {
				s = s->case_clause.body.v[s->case_clause.body.n - 1];
				continue;
			}
			return s->case_clause.colon + 1;
		case STMT_SWITCH:
			s = s->switch_.body;
			continue;
		case STMT_TYPE_SWITCH:
			s = s->type_switch.body;
			continue;
		case STMT_COMM_CLAUSE:
			if (s->comm_clause.body.n) {
				s = s->comm_clause.body.v[s->comm_clause.body.n - 1];
				continue;
			}
			return s->comm_clause.colon + 1;
		case STMT_SELECT:
			s = s->select.body;
			continue;
		case STMT_FOR:
			s = s->for_.body;
			continue;
		case STMT_RANGE:
			s = s->range.body;
			continue;
		case STMT__COUNT:
			break;
		}
		return SYN_NOPOS;
	}
}

uint32_t syn_spec_pos(const Spec *s)
{
	switch (s->kind) {
	case SPEC_IMPORT:
		return syn_expr_pos(s->import.name ? s->import.name : s->import.path);
	case SPEC_VALUE:
		return syn_expr_pos(s->value.names.v[0]);
	case SPEC_TYPE:
		return syn_expr_pos(s->type.name);
	}
	return SYN_NOPOS;
}

uint32_t syn_spec_end(const Spec *s)
{
	switch (s->kind) {
	case SPEC_IMPORT:
		return syn_expr_end(s->import.path);
	case SPEC_VALUE:
		if (s->value.values.n)
			return syn_expr_end(s->value.values.v[s->value.values.n - 1]);
		if (s->value.type)
			return syn_expr_end(s->value.type);
		return syn_expr_end(s->value.names.v[s->value.names.n - 1]);
	case SPEC_TYPE:
		return syn_expr_end(s->type.type);
	}
	return SYN_NOPOS;
}

uint32_t syn_decl_pos(const Decl *d)
{
	switch (d->kind) {
	case DECL_BAD:
	case DECL_GEN:
		return d->pos;
	case DECL_FUNC:
		return syn_expr_pos(d->func.type);
	}
	return SYN_NOPOS;
}

uint32_t syn_decl_end(const Decl *d)
{
	switch (d->kind) {
	case DECL_BAD:
		return d->bad.to;
	case DECL_GEN:
		if (d->gen.rparen != SYN_NOPOS)
			return d->gen.rparen + 1;
		return d->gen.nspecs ? syn_spec_end(d->gen.specs[0]) : SYN_NOPOS;
	case DECL_FUNC:
		if (d->func.body)
			return syn_stmt_end(d->func.body);
		return syn_expr_end(d->func.type);
	}
	return SYN_NOPOS;
}

uint32_t syn_file_end(const SynFile *f)
{
	if (f->ndecls)
		return syn_decl_end(f->decls[f->ndecls - 1]);
	return f->name ? syn_expr_end(f->name) : SYN_NOPOS;
}
