/*
 * The AST dump of docs/ast-dump.md: one line per node, "LABEL: TYPE POS-END ATTRS", in the
 * order a reflective walk over go/ast's structs visits them (fields in declaration order,
 * nil and empty skipped; Doc/Comment fields skipped; File.Comments last). Positions are
 * go/ast's Pos()/End() as LINE:COL, strings quoted as strconv.QuoteToASCII.
 */
#include "syntax/ast.h"

#include <stdlib.h>
#include <string.h>

typedef struct Dumper {
	FILE *out;
	const SynFile *f;
	char *buf; /* scratch for string conversions */
	size_t cap;
} Dumper;

static void put_pos(Dumper *d, uint32_t off)
{
	if (off == SYN_NOPOS) {
		fputc('-', d->out);
		return;
	}
	LineCol lc = srcfile_linecol(d->f->src, off);
	fprintf(d->out, "%u:%u", lc.line, lc.col);
}


static void put_quoted(Dumper *d, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	char buf[16];
	fputc('"', d->out);
	for (size_t i = 0; i < n;) {
		uint32_t w;
		fwrite(buf, 1, base_quote_ascii_step(s + i, n - i, &w, buf), d->out);
		i += w;
	}
	fputc('"', d->out);
}

/* go/scanner's stripCR: raw strings and comments lose their carriage returns. */
static size_t strip_cr(Dumper *d, const char *s, size_t n, bool comment)
{
	if (d->cap < n + 1) {
		d->cap = n + 64;
		d->buf = xrealloc(d->buf, d->cap);
	}
	size_t i = 0;
	for (size_t j = 0; j < n; j++) {
		char ch = s[j];
		if (ch != '\r' || (comment && i > 2 && d->buf[i - 1] == '*' && j + 1 < n && s[j + 1] == '/'))
			d->buf[i++] = ch;
	}
	return i;
}

/* The text of a comment as go/ast holds it (no trailing \r on a //-comment, no \r at all). */
static size_t comment_text(Dumper *d, const Comment *c)
{
	const char *s = d->f->src->text + c->off;
	size_t n = c->len;
	if (n >= 2 && s[1] == '/') {
		while (n > 2 && (s[n - 1] == '\n'))
			n--;
		if (n > 2 && s[n - 1] == '\r')
			n--;
	}
	return strip_cr(d, s, n, true);
}

static void indent(Dumper *d, int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", d->out);
}

/* Pos()/End() of a child are often its parent's (x.f.g: the same Pos; a+b: the same End):
 * the parent passes them down as hints, so long chains cost linear time, not quadratic. */
#define UNKNOWN (SYN_NOPOS - 1)

static void head(Dumper *d, int depth, const char *label, int idx, const char *type, uint32_t pos, uint32_t end)
{
	indent(d, depth);
	if (label) {
		if (idx >= 0)
			fprintf(d->out, "%s[%d]: ", label, idx);
		else
			fprintf(d->out, "%s: ", label);
	}
	fprintf(d->out, "%s ", type);
	put_pos(d, pos);
	fputc('-', d->out);
	put_pos(d, end);
}

static void dump_expr_h(Dumper *d, int depth, const char *label, int idx, const Expr *e, uint32_t pos, uint32_t end);
#define dump_expr(d, depth, label, idx, e) dump_expr_h(d, depth, label, idx, e, UNKNOWN, UNKNOWN)
static void dump_stmt(Dumper *d, int depth, const char *label, int idx, const Stmt *s);
static void dump_decl(Dumper *d, int depth, const char *label, int idx, const Decl *x);

static void dump_exprs(Dumper *d, int depth, const char *label, ExprList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		dump_expr(d, depth, label, (int)i, l.v[i]);
}

static void dump_stmts(Dumper *d, int depth, const char *label, StmtList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		dump_stmt(d, depth, label, (int)i, l.v[i]);
}

static void dump_field(Dumper *d, int depth, const char *label, int idx, const Field *f)
{
	head(d, depth, label, idx, "Field", syn_field_pos(f), syn_field_end(f));
	fputc('\n', d->out);
	dump_exprs(d, depth + 1, "Names", f->names);
	if (f->type)
		dump_expr(d, depth + 1, "Type", -1, f->type);
	if (f->tag)
		dump_expr(d, depth + 1, "Tag", -1, f->tag);
}

static void dump_fieldlist(Dumper *d, int depth, const char *label, const FieldList *l)
{
	if (!l)
		return;
	head(d, depth, label, -1, "FieldList", syn_fieldlist_pos(l), syn_fieldlist_end(l));
	fputc('\n', d->out);
	for (uint32_t i = 0; i < l->n; i++)
		dump_field(d, depth + 1, "List", (int)i, l->list[i]);
}

static void dump_expr_h(Dumper *d, int depth, const char *label, int idx, const Expr *e, uint32_t pos, uint32_t end)
{
	if (!e)
		return;
	FILE *o = d->out;
	if (pos == UNKNOWN)
		pos = syn_expr_pos(e);
	if (end == UNKNOWN)
		end = syn_expr_end(e);
	head(d, depth, label, idx, syn_expr_kind_name(e->kind), pos, end);
	int c = depth + 1;
	switch (e->kind) {
	case EXPR_BAD:
		fputc('\n', o);
		break;
	case EXPR_IDENT:
		fputc(' ', o);
		put_quoted(d, e->ident.name->s, e->ident.name->len);
		fputc('\n', o);
		break;
	case EXPR_ELLIPSIS:
		fputc('\n', o);
		dump_expr_h(d, c, "Elt", -1, e->ellipsis.elt, UNKNOWN, end);
		break;
	case EXPR_BASIC_LIT: {
		fprintf(o, " %s ", syn_tok_string(e->lit.kind));
		if (e->lit.len > 0 && e->lit.text[0] == '`') {
			size_t n = strip_cr(d, e->lit.text, e->lit.len, false); /* before reading d->buf */
			put_quoted(d, d->buf, n);
		} else
			put_quoted(d, e->lit.text, e->lit.len);
		fputc('\n', o);
		break;
	}
	case EXPR_FUNC_LIT:
		fputc('\n', o);
		dump_expr_h(d, c, "Type", -1, e->func_lit.type, pos, UNKNOWN);
		dump_stmt(d, c, "Body", -1, e->func_lit.body);
		break;
	case EXPR_COMPOSITE_LIT:
		fputc('\n', o);
		dump_expr_h(d, c, "Type", -1, e->composite.type, pos, UNKNOWN);
		dump_exprs(d, c, "Elts", e->composite.elts);
		break;
	case EXPR_PAREN:
		fputc('\n', o);
		dump_expr(d, c, "X", -1, e->paren.x);
		break;
	case EXPR_SELECTOR:
		fputc('\n', o);
		dump_expr_h(d, c, "X", -1, e->selector.x, pos, UNKNOWN);
		dump_expr_h(d, c, "Sel", -1, e->selector.sel, UNKNOWN, end);
		break;
	case EXPR_INDEX:
		fputc('\n', o);
		dump_expr_h(d, c, "X", -1, e->index.x, pos, UNKNOWN);
		dump_expr(d, c, "Index", -1, e->index.indices.v[0]);
		break;
	case EXPR_INDEX_LIST:
		fputc('\n', o);
		dump_expr_h(d, c, "X", -1, e->index.x, pos, UNKNOWN);
		dump_exprs(d, c, "Indices", e->index.indices);
		break;
	case EXPR_SLICE:
		fputs(e->slice.slice3 ? " slice3\n" : "\n", o);
		dump_expr_h(d, c, "X", -1, e->slice.x, pos, UNKNOWN);
		dump_expr(d, c, "Low", -1, e->slice.low);
		dump_expr(d, c, "High", -1, e->slice.high);
		dump_expr(d, c, "Max", -1, e->slice.max);
		break;
	case EXPR_TYPE_ASSERT:
		fputc('\n', o);
		dump_expr_h(d, c, "X", -1, e->assert.x, pos, UNKNOWN);
		dump_expr(d, c, "Type", -1, e->assert.type);
		break;
	case EXPR_CALL:
		fputs(e->call.ellipsis != SYN_NOPOS ? " ellipsis\n" : "\n", o);
		dump_expr_h(d, c, "Fun", -1, e->call.fun, pos, UNKNOWN);
		dump_exprs(d, c, "Args", e->call.args);
		break;
	case EXPR_STAR:
		fputc('\n', o);
		dump_expr_h(d, c, "X", -1, e->star.x, UNKNOWN, end);
		break;
	case EXPR_UNARY:
		fprintf(o, " op=%s\n", syn_tok_string(e->unary.op));
		dump_expr_h(d, c, "X", -1, e->unary.x, UNKNOWN, end);
		break;
	case EXPR_BINARY:
		fprintf(o, " op=%s\n", syn_tok_string(e->binary.op));
		dump_expr_h(d, c, "X", -1, e->binary.x, pos, UNKNOWN);
		dump_expr_h(d, c, "Y", -1, e->binary.y, UNKNOWN, end);
		break;
	case EXPR_KEY_VALUE:
		fputc('\n', o);
		dump_expr_h(d, c, "Key", -1, e->kv.key, pos, UNKNOWN);
		dump_expr_h(d, c, "Value", -1, e->kv.value, UNKNOWN, end);
		break;
	case EXPR_ARRAY_TYPE:
		fputc('\n', o);
		dump_expr(d, c, "Len", -1, e->array.len);
		dump_expr_h(d, c, "Elt", -1, e->array.elt, UNKNOWN, end);
		break;
	case EXPR_STRUCT_TYPE:
		fputc('\n', o);
		dump_fieldlist(d, c, "Fields", e->struct_type.fields);
		break;
	case EXPR_FUNC_TYPE:
		fputc('\n', o);
		dump_fieldlist(d, c, "TypeParams", e->func_type.tparams);
		dump_fieldlist(d, c, "Params", e->func_type.params);
		dump_fieldlist(d, c, "Results", e->func_type.results);
		break;
	case EXPR_INTERFACE_TYPE:
		fputc('\n', o);
		dump_fieldlist(d, c, "Methods", e->iface.methods);
		break;
	case EXPR_MAP_TYPE:
		fputc('\n', o);
		dump_expr(d, c, "Key", -1, e->map.key);
		dump_expr_h(d, c, "Value", -1, e->map.value, UNKNOWN, end);
		break;
	case EXPR_CHAN_TYPE:
		fprintf(o, " dir=%s\n", e->chan.dir == CHAN_BOTH ? "both" : e->chan.dir == CHAN_SEND ? "send" : "recv");
		dump_expr_h(d, c, "Value", -1, e->chan.value, UNKNOWN, end);
		break;
	case EXPR__COUNT:
		fputc('\n', o);
		break;
	}
}

static void dump_stmt(Dumper *d, int depth, const char *label, int idx, const Stmt *s)
{
	if (!s)
		return;
	FILE *o = d->out;
	head(d, depth, label, idx, syn_stmt_kind_name(s->kind), syn_stmt_pos(s), syn_stmt_end(s));
	int c = depth + 1;
	switch (s->kind) {
	case STMT_BAD:
		fputc('\n', o);
		break;
	case STMT_DECL:
		fputc('\n', o);
		dump_decl(d, c, "Decl", -1, s->decl.decl);
		break;
	case STMT_EMPTY:
		fputs(s->empty.implicit ? " implicit\n" : "\n", o);
		break;
	case STMT_LABELED:
		fputc('\n', o);
		dump_expr(d, c, "Label", -1, s->labeled.label);
		dump_stmt(d, c, "Stmt", -1, s->labeled.stmt);
		break;
	case STMT_EXPR:
		fputc('\n', o);
		dump_expr(d, c, "X", -1, s->expr.x);
		break;
	case STMT_SEND:
		fputc('\n', o);
		dump_expr(d, c, "Chan", -1, s->send.chan);
		dump_expr(d, c, "Value", -1, s->send.value);
		break;
	case STMT_INC_DEC:
		fprintf(o, " tok=%s\n", syn_tok_string(s->inc_dec.tok));
		dump_expr(d, c, "X", -1, s->inc_dec.x);
		break;
	case STMT_ASSIGN:
		fprintf(o, " tok=%s\n", syn_tok_string(s->assign.tok));
		dump_exprs(d, c, "Lhs", s->assign.lhs);
		dump_exprs(d, c, "Rhs", s->assign.rhs);
		break;
	case STMT_GO:
	case STMT_DEFER:
		fputc('\n', o);
		dump_expr(d, c, "Call", -1, s->go_defer.call);
		break;
	case STMT_RETURN:
		fputc('\n', o);
		dump_exprs(d, c, "Results", s->ret.results);
		break;
	case STMT_BRANCH:
		fprintf(o, " tok=%s\n", syn_tok_string(s->branch.tok));
		dump_expr(d, c, "Label", -1, s->branch.label);
		break;
	case STMT_BLOCK:
		fputc('\n', o);
		dump_stmts(d, c, "List", s->block.list);
		break;
	case STMT_IF:
		fputc('\n', o);
		dump_stmt(d, c, "Init", -1, s->if_.init);
		dump_expr(d, c, "Cond", -1, s->if_.cond);
		dump_stmt(d, c, "Body", -1, s->if_.body);
		dump_stmt(d, c, "Else", -1, s->if_.else_);
		break;
	case STMT_CASE_CLAUSE:
		fputc('\n', o);
		dump_exprs(d, c, "List", s->case_clause.list);
		dump_stmts(d, c, "Body", s->case_clause.body);
		break;
	case STMT_SWITCH:
		fputc('\n', o);
		dump_stmt(d, c, "Init", -1, s->switch_.init);
		dump_expr(d, c, "Tag", -1, s->switch_.tag);
		dump_stmt(d, c, "Body", -1, s->switch_.body);
		break;
	case STMT_TYPE_SWITCH:
		fputc('\n', o);
		dump_stmt(d, c, "Init", -1, s->type_switch.init);
		dump_stmt(d, c, "Assign", -1, s->type_switch.assign);
		dump_stmt(d, c, "Body", -1, s->type_switch.body);
		break;
	case STMT_COMM_CLAUSE:
		fputc('\n', o);
		dump_stmt(d, c, "Comm", -1, s->comm_clause.comm);
		dump_stmts(d, c, "Body", s->comm_clause.body);
		break;
	case STMT_SELECT:
		fputc('\n', o);
		dump_stmt(d, c, "Body", -1, s->select.body);
		break;
	case STMT_FOR:
		fputc('\n', o);
		dump_stmt(d, c, "Init", -1, s->for_.init);
		dump_expr(d, c, "Cond", -1, s->for_.cond);
		dump_stmt(d, c, "Post", -1, s->for_.post);
		dump_stmt(d, c, "Body", -1, s->for_.body);
		break;
	case STMT_RANGE:
		fprintf(o, " tok=%s\n", syn_tok_string(s->range.tok));
		dump_expr(d, c, "Key", -1, s->range.key);
		dump_expr(d, c, "Value", -1, s->range.value);
		dump_expr(d, c, "X", -1, s->range.x);
		dump_stmt(d, c, "Body", -1, s->range.body);
		break;
	case STMT__COUNT:
		fputc('\n', o);
		break;
	}
}

static void dump_spec(Dumper *d, int depth, const char *label, int idx, const Spec *s)
{
	FILE *o = d->out;
	static const char *const names[] = {"ImportSpec", "ValueSpec", "TypeSpec"};
	head(d, depth, label, idx, names[s->kind], syn_spec_pos(s), syn_spec_end(s));
	int c = depth + 1;
	switch (s->kind) {
	case SPEC_IMPORT:
		fputc('\n', o);
		dump_expr(d, c, "Name", -1, s->import.name);
		dump_expr(d, c, "Path", -1, s->import.path);
		break;
	case SPEC_VALUE:
		fputc('\n', o);
		dump_exprs(d, c, "Names", s->value.names);
		dump_expr(d, c, "Type", -1, s->value.type);
		dump_exprs(d, c, "Values", s->value.values);
		break;
	case SPEC_TYPE:
		fputs(s->type.assign != SYN_NOPOS ? " alias\n" : "\n", o);
		dump_expr(d, c, "Name", -1, s->type.name);
		dump_fieldlist(d, c, "TypeParams", s->type.tparams);
		dump_expr(d, c, "Type", -1, s->type.type);
		break;
	}
}

static void dump_decl(Dumper *d, int depth, const char *label, int idx, const Decl *x)
{
	FILE *o = d->out;
	int c = depth + 1;
	switch (x->kind) {
	case DECL_BAD:
		head(d, depth, label, idx, "BadDecl", syn_decl_pos(x), syn_decl_end(x));
		fputc('\n', o);
		break;
	case DECL_GEN:
		head(d, depth, label, idx, "GenDecl", syn_decl_pos(x), syn_decl_end(x));
		fprintf(o, " tok=%s\n", syn_tok_string(x->gen.tok));
		for (uint32_t i = 0; i < x->gen.nspecs; i++)
			dump_spec(d, c, "Specs", (int)i, x->gen.specs[i]);
		break;
	case DECL_FUNC:
		head(d, depth, label, idx, "FuncDecl", syn_decl_pos(x), syn_decl_end(x));
		fputc('\n', o);
		dump_fieldlist(d, c, "Recv", x->func.recv);
		dump_expr(d, c, "Name", -1, x->func.name);
		dump_expr(d, c, "Type", -1, x->func.type);
		dump_stmt(d, c, "Body", -1, x->func.body);
		break;
	}
}

void syn_dump_file(FILE *out, const SynFile *f)
{
	Dumper d = {out, f, NULL, 0};
	head(&d, 0, NULL, -1, "File", f->package_pos, syn_file_end(f));
	fputc('\n', out);
	dump_expr(&d, 1, "Name", -1, f->name);
	for (uint32_t i = 0; i < f->ndecls; i++)
		dump_decl(&d, 1, "Decls", (int)i, f->decls[i]);
	for (uint32_t i = 0; i < f->ngroups; i++) {
		const CommentGroup *g = &f->groups[i];
		/* a group ends where its last comment's text ends */
		size_t last = comment_text(&d, &g->list[g->n - 1]);
		head(&d, 1, "Comments", (int)i, "CommentGroup", g->list[0].off, g->list[g->n - 1].off + (uint32_t)last);
		fputc('\n', out);
		for (uint32_t j = 0; j < g->n; j++) {
			size_t n = comment_text(&d, &g->list[j]);
			head(&d, 2, "List", (int)j, "Comment", g->list[j].off, g->list[j].off + (uint32_t)n);
			fputc(' ', out);
			put_quoted(&d, d.buf, n);
			fputc('\n', out);
		}
	}
	free(d.buf);
}
