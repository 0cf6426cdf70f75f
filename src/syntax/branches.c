/*
 * Labels and branches (spec: "Label scopes", "Break/Continue/Goto/Fallthrough statements"),
 * checked as cmd/compile/internal/syntax's checkBranches does while parsing (go build reports
 * these with the syntax errors; go/parser leaves them to go/types). Same walk, same messages,
 * same positions: per function body, a block tree with the labels declared in each block;
 * forward gotos are resolved when their label appears, and whatever remains at the end
 * jumps into a block or names no label.
 */
#include "syntax/ast.h"

#include <stdlib.h>
#include <string.h>

typedef struct Block Block;
struct Block {
	Block *parent;
	uint32_t start;  /* gc's position of the block's start */
	Stmt *lstmt;     /* the labeled statement this block belongs to, or NULL */
};

typedef struct Label {
	Block *parent;
	Stmt *lstmt;     /* STMT_LABELED */
	bool used;
} Label;

typedef Vec(Stmt *) Gotos;

typedef struct Checker {
	const SynFile *f;
	Diags *diags;
	Vec(Label *) labels;
	Vec(Block *) blocks; /* labels point to their block after the walk left it: heap, freed at the end */
	int depth;
} Checker;

typedef struct Targets {
	Stmt *breaks;    /* for, range, switch, type switch or select; or NULL */
	Stmt *continues; /* for or range; or NULL */
	int case_index;  /* of the immediately enclosing switch, or -1 */
	int ncases;
} Targets;

#define MAX_BLOCK_DEPTH 10000

static void errf(Checker *c, uint32_t off, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void errf(Checker *c, uint32_t off, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_error(c->diags, ((Pos){c->f->src->id, off}), "%s", buf);
}

static const char *where(Checker *c, uint32_t off, char *buf, size_t n)
{
	LineCol lc = srcfile_linecol(c->f->src, off);
	snprintf(buf, n, "%s:%u:%u", c->f->src->path, lc.line, lc.col);
	return buf;
}

static Name *label_name(const Stmt *lstmt) { return lstmt->labeled.label->ident.name; }

static Label *find(Checker *c, Name *n)
{
	for (size_t i = 0; i < c->labels.len; i++)
		if (label_name(c->labels.data[i]->lstmt) == n)
			return c->labels.data[i];
	return NULL;
}

static Label *declare(Checker *c, Block *b, Stmt *s)
{
	Name *n = label_name(s);
	Label *alt = find(c, n);
	if (alt) {
		char w[300];
		errf(c, s->labeled.label->pos, "label %s already defined at %s", n->s,
		     where(c, alt->lstmt->labeled.label->pos, w, sizeof w));
		return alt;
	}
	Label *l = xcalloc(1, sizeof *l);
	l->parent = b;
	l->lstmt = s;
	vec_push(&c->labels, l);
	return l;
}

static Stmt *goto_target(Checker *c, Block *b, Name *n)
{
	Label *l = find(c, n);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->parent == b)
			return l->lstmt;
	return NULL;
}

static Stmt invalid_target;

static Stmt *enclosing_target(Checker *c, Block *b, Name *n)
{
	Label *l = find(c, n);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->lstmt == b->lstmt)
			return l->lstmt;
	return &invalid_target;
}

static void block_branches(Checker *c, Block *parent, Targets ctxt, Stmt *lstmt, uint32_t start, Stmt **body,
                           uint32_t n, Gotos *out);

static void inner_block(Checker *c, Block *b, Targets ctxt, Stmt *lstmt, uint32_t start, Stmt **body, uint32_t n,
                        Gotos *fwd)
{
	Gotos g = {NULL, 0, 0};
	block_branches(c, b, ctxt, lstmt, start, body, n, &g);
	for (size_t i = 0; i < g.len; i++)
		vec_push(fwd, g.data[i]);
	vec_free(&g);
}

static void block_branches(Checker *c, Block *parent, Targets ctxt, Stmt *lstmt, uint32_t start, Stmt **body,
                           uint32_t n, Gotos *fwd)
{
	if (++c->depth > MAX_BLOCK_DEPTH) {
		c->depth--;
		return;
	}
	Block *bp = xcalloc(1, sizeof *bp);
	*bp = (Block){parent, start, lstmt};
	vec_push(&c->blocks, bp);
	uint32_t var_pos = SYN_NOPOS;
	const char *var_name = NULL;
	int var_len = 0;
	Gotos bad = {NULL, 0, 0};
	while (n > 0 && body[n - 1]->kind == STMT_EMPTY)
		n--; /* trimTrailingEmptyStmts */
	for (uint32_t idx = 0; idx < n; idx++) {
		Stmt *s = body[idx];
		lstmt = NULL;
	again:
		switch (s->kind) {
		case STMT_DECL: {
			Decl *d = s->decl.decl;
			if (d->kind == DECL_GEN && d->gen.tok == TOK_VAR && d->gen.nspecs > 0) {
				Spec *sp = d->gen.specs[0];
				var_pos = sp->pos;
				Expr *nm = sp->value.names.v[0];
				var_name = nm->ident.name->s;
				var_len = (int)nm->ident.name->len;
				bad.len = 0;
				for (size_t i = 0; i < fwd->len; i++)
					vec_push(&bad, fwd->data[i]);
			}
			break;
		}
		case STMT_LABELED: {
			Name *name = label_name(s);
			if (strcmp(name->s, "_") != 0) {
				Label *l = declare(c, bp, s);
				size_t k = 0;
				for (size_t i = 0; i < fwd->len; i++) {
					Stmt *g = fwd->data[i];
					if (g->branch.label->ident.name == name) {
						l->used = true;
						bool over = false;
						if (var_pos != SYN_NOPOS)
							for (size_t j = 0; j < bad.len; j++)
								over |= bad.data[j] == g;
						if (over) {
							char w[300];
							errf(c, g->branch.label->pos, "goto %s jumps over declaration of %.*s at %s", name->s,
							     var_len, var_name, where(c, var_pos, w, sizeof w));
						}
					} else {
						fwd->data[k++] = g;
					}
				}
				fwd->len = k;
				lstmt = s;
			}
			s = s->labeled.stmt;
			goto again;
		}
		case STMT_BRANCH: {
			if (!s->branch.label) {
				switch ((int)s->branch.tok) {
				case TOK_BREAK:
					if (!ctxt.breaks)
						errf(c, s->pos, "break is not in a loop, switch, or select");
					break;
				case TOK_CONTINUE:
					if (!ctxt.continues)
						errf(c, s->pos, "continue is not in a loop");
					break;
				case TOK_FALLTHROUGH: {
					const char *msg = "fallthrough statement out of place";
					Stmt *t = ctxt.breaks;
					if (t && t->kind == STMT_TYPE_SWITCH) {
						msg = "cannot fallthrough in type switch";
					} else if (t && t->kind == STMT_SWITCH) {
						if (ctxt.case_index < 0 || idx + 1 < n)
							; /* out of place */
						else if (ctxt.case_index + 1 == ctxt.ncases)
							msg = "cannot fallthrough final case in switch";
						else
							break; /* fallthrough ok */
					}
					errf(c, s->pos, "%s", msg);
					break;
				}
				default:
					break;
				}
				break;
			}
			Name *name = s->branch.label->ident.name;
			switch ((int)s->branch.tok) {
			case TOK_BREAK: {
				Stmt *t = enclosing_target(c, bp, name);
				if (!t)
					errf(c, s->branch.label->pos, "break label not defined: %s", name->s);
				else if (t == &invalid_target ||
				         !(t->labeled.stmt->kind == STMT_SWITCH || t->labeled.stmt->kind == STMT_TYPE_SWITCH ||
				           t->labeled.stmt->kind == STMT_SELECT || t->labeled.stmt->kind == STMT_FOR ||
				           t->labeled.stmt->kind == STMT_RANGE))
					errf(c, s->branch.label->pos, "invalid break label %s", name->s);
				break;
			}
			case TOK_CONTINUE: {
				Stmt *t = enclosing_target(c, bp, name);
				if (!t)
					errf(c, s->branch.label->pos, "continue label not defined: %s", name->s);
				else if (t == &invalid_target ||
				         !(t->labeled.stmt->kind == STMT_FOR || t->labeled.stmt->kind == STMT_RANGE))
					errf(c, s->branch.label->pos, "invalid continue label %s", name->s);
				break;
			}
			case TOK_GOTO:
				if (!goto_target(c, bp, name))
					vec_push(fwd, s);
				break;
			default:
				break;
			}
			break;
		}
		case STMT_ASSIGN:
			if (s->assign.tok == TOK_DEFINE) {
				var_pos = s->pos;
				uint32_t a = syn_expr_pos(s->assign.lhs.v[0]);
				uint32_t e = syn_expr_end(s->assign.lhs.v[s->assign.lhs.n - 1]);
				var_name = c->f->src->text + a; /* gc prints the list: "a, b" */
				var_len = (int)(e - a);
				bad.len = 0;
				for (size_t i = 0; i < fwd->len; i++)
					vec_push(&bad, fwd->data[i]);
			}
			break;
		case STMT_BLOCK: {
			Targets in = {ctxt.breaks, ctxt.continues, -1, 0};
			inner_block(c, bp, in, lstmt, s->pos, s->block.list.v, s->block.list.n, fwd);
			break;
		}
		case STMT_IF: {
			Targets in = {ctxt.breaks, ctxt.continues, -1, 0};
			inner_block(c, bp, in, lstmt, s->if_.body->pos, s->if_.body->block.list.v, s->if_.body->block.list.n, fwd);
			if (s->if_.else_)
				inner_block(c, bp, in, lstmt, s->if_.else_->pos, &s->if_.else_, 1, fwd);
			break;
		}
		case STMT_FOR:
		case STMT_RANGE: {
			Stmt *bd = s->kind == STMT_FOR ? s->for_.body : s->range.body;
			Targets in = {s, s, -1, 0};
			inner_block(c, bp, in, lstmt, bd->pos, bd->block.list.v, bd->block.list.n, fwd);
			break;
		}
		case STMT_SWITCH:
		case STMT_TYPE_SWITCH:
		case STMT_SELECT: {
			Stmt *bd = s->kind == STMT_SWITCH ? s->switch_.body
			           : s->kind == STMT_TYPE_SWITCH ? s->type_switch.body : s->select.body;
			Targets in = {s, ctxt.continues, -1, (int)bd->block.list.n};
			for (uint32_t i = 0; i < bd->block.list.n; i++) {
				Stmt *cc = bd->block.list.v[i];
				in.case_index = s->kind == STMT_SELECT ? -1 : (int)i;
				StmtList l = cc->kind == STMT_CASE_CLAUSE ? cc->case_clause.body : cc->comm_clause.body;
				inner_block(c, bp, in, lstmt, cc->pos, l.v, l.n, fwd);
			}
			break;
		}
		case STMT_BAD: case STMT_EMPTY: case STMT_EXPR: case STMT_SEND: case STMT_INC_DEC: case STMT_GO:
		case STMT_DEFER: case STMT_RETURN: case STMT_CASE_CLAUSE: case STMT_COMM_CLAUSE: case STMT__COUNT:
			break;
		}
	}
	vec_free(&bad);
	c->depth--;
}

static void check_body(const SynFile *f, Diags *d, Stmt *body)
{
	Checker c = {f, d, {NULL, 0, 0}, {NULL, 0, 0}, 0};
	Gotos fwd = {NULL, 0, 0};
	Targets none = {NULL, NULL, -1, 0};
	block_branches(&c, NULL, none, NULL, body->pos, body->block.list.v, body->block.list.n, &fwd);
	for (size_t i = 0; i < fwd.len; i++) {
		Stmt *g = fwd.data[i];
		Name *name = g->branch.label->ident.name;
		Label *l = find(&c, name);
		if (l) {
			l->used = true;
			char w[300];
			errf(&c, g->branch.label->pos, "goto %s jumps into block starting at %s", name->s,
			     where(&c, l->parent->start, w, sizeof w));
		} else {
			errf(&c, g->branch.label->pos, "label %s not defined", name->s);
		}
	}
	for (size_t i = 0; i < c.labels.len; i++) {
		if (!c.labels.data[i]->used) {
			Expr *lb = c.labels.data[i]->lstmt->labeled.label;
			errf(&c, lb->pos, "label %s defined and not used", lb->ident.name->s);
		}
		free(c.labels.data[i]);
	}
	vec_free(&c.labels);
	for (size_t i = 0; i < c.blocks.len; i++)
		free(c.blocks.data[i]);
	vec_free(&c.blocks);
	vec_free(&fwd);
}

/* ---- finding every function body (declarations and literals) ---- */

typedef struct Walk {
	const SynFile *f;
	Diags *d;
	int depth;
} Walk;

static void walk_stmt(Walk *w, Stmt *s);

static void walk_expr(Walk *w, Expr *e)
{
	if (!e || w->depth > MAX_BLOCK_DEPTH)
		return;
	w->depth++;
	switch (e->kind) {
	case EXPR_FUNC_LIT:
		check_body(w->f, w->d, e->func_lit.body);
		walk_stmt(w, e->func_lit.body);
		break;
	case EXPR_COMPOSITE_LIT:
		walk_expr(w, e->composite.type);
		for (uint32_t i = 0; i < e->composite.elts.n; i++)
			walk_expr(w, e->composite.elts.v[i]);
		break;
	case EXPR_PAREN: walk_expr(w, e->paren.x); break;
	case EXPR_SELECTOR: walk_expr(w, e->selector.x); break;
	case EXPR_INDEX:
	case EXPR_INDEX_LIST:
		walk_expr(w, e->index.x);
		for (uint32_t i = 0; i < e->index.indices.n; i++)
			walk_expr(w, e->index.indices.v[i]);
		break;
	case EXPR_SLICE:
		walk_expr(w, e->slice.x);
		walk_expr(w, e->slice.low);
		walk_expr(w, e->slice.high);
		walk_expr(w, e->slice.max);
		break;
	case EXPR_TYPE_ASSERT: walk_expr(w, e->assert.x); break;
	case EXPR_CALL:
		walk_expr(w, e->call.fun);
		for (uint32_t i = 0; i < e->call.args.n; i++)
			walk_expr(w, e->call.args.v[i]);
		break;
	case EXPR_STAR: walk_expr(w, e->star.x); break;
	case EXPR_UNARY: walk_expr(w, e->unary.x); break;
	case EXPR_BINARY:
		walk_expr(w, e->binary.x);
		walk_expr(w, e->binary.y);
		break;
	case EXPR_KEY_VALUE:
		walk_expr(w, e->kv.key);
		walk_expr(w, e->kv.value);
		break;
	case EXPR_ARRAY_TYPE: walk_expr(w, e->array.len); break;
	case EXPR_BAD: case EXPR_IDENT: case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE: case EXPR_INTERFACE_TYPE: case EXPR_MAP_TYPE: case EXPR_CHAN_TYPE: case EXPR__COUNT:
		break;
	}
	w->depth--;
}

static void walk_exprs(Walk *w, ExprList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		walk_expr(w, l.v[i]);
}

static void walk_decl(Walk *w, Decl *d)
{
	if (d->kind != DECL_GEN)
		return;
	for (uint32_t i = 0; i < d->gen.nspecs; i++)
		if (d->gen.specs[i]->kind == SPEC_VALUE)
			walk_exprs(w, d->gen.specs[i]->value.values);
}

static void walk_stmts(Walk *w, StmtList l)
{
	for (uint32_t i = 0; i < l.n; i++)
		walk_stmt(w, l.v[i]);
}

static void walk_stmt(Walk *w, Stmt *s)
{
	if (!s || w->depth > MAX_BLOCK_DEPTH)
		return;
	w->depth++;
	switch (s->kind) {
	case STMT_DECL: walk_decl(w, s->decl.decl); break;
	case STMT_LABELED: walk_stmt(w, s->labeled.stmt); break;
	case STMT_EXPR: walk_expr(w, s->expr.x); break;
	case STMT_SEND:
		walk_expr(w, s->send.chan);
		walk_expr(w, s->send.value);
		break;
	case STMT_INC_DEC: walk_expr(w, s->inc_dec.x); break;
	case STMT_ASSIGN:
		walk_exprs(w, s->assign.lhs);
		walk_exprs(w, s->assign.rhs);
		break;
	case STMT_GO:
	case STMT_DEFER: walk_expr(w, s->go_defer.call); break;
	case STMT_RETURN: walk_exprs(w, s->ret.results); break;
	case STMT_BLOCK: walk_stmts(w, s->block.list); break;
	case STMT_IF:
		walk_stmt(w, s->if_.init);
		walk_expr(w, s->if_.cond);
		walk_stmt(w, s->if_.body);
		walk_stmt(w, s->if_.else_);
		break;
	case STMT_CASE_CLAUSE:
		walk_exprs(w, s->case_clause.list);
		walk_stmts(w, s->case_clause.body);
		break;
	case STMT_SWITCH:
		walk_stmt(w, s->switch_.init);
		walk_expr(w, s->switch_.tag);
		walk_stmt(w, s->switch_.body);
		break;
	case STMT_TYPE_SWITCH:
		walk_stmt(w, s->type_switch.init);
		walk_stmt(w, s->type_switch.assign);
		walk_stmt(w, s->type_switch.body);
		break;
	case STMT_COMM_CLAUSE:
		walk_stmt(w, s->comm_clause.comm);
		walk_stmts(w, s->comm_clause.body);
		break;
	case STMT_SELECT: walk_stmt(w, s->select.body); break;
	case STMT_FOR:
		walk_stmt(w, s->for_.init);
		walk_expr(w, s->for_.cond);
		walk_stmt(w, s->for_.post);
		walk_stmt(w, s->for_.body);
		break;
	case STMT_RANGE:
		walk_expr(w, s->range.key);
		walk_expr(w, s->range.value);
		walk_expr(w, s->range.x);
		walk_stmt(w, s->range.body);
		break;
	case STMT_BAD: case STMT_EMPTY: case STMT_BRANCH: case STMT__COUNT:
		break;
	}
	w->depth--;
}

void syn_check_branches(const SynFile *f, Diags *diags)
{
	Walk w = {f, diags, 0};
	for (uint32_t i = 0; i < f->ndecls; i++) {
		Decl *d = f->decls[i];
		if (d->kind == DECL_FUNC && d->func.body) {
			check_body(f, diags, d->func.body);
			walk_stmt(&w, d->func.body);
		} else {
			walk_decl(&w, d);
		}
	}
}
