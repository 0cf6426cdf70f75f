/*
 * The parser's core and declarations (spec: "Source file organization", "Declarations and
 * scope"). Expressions and types are in parse_expr.c, statements in parse_stmt.c.
 *
 * One token of look-ahead (p->tok) is read from the scanner in non-comment mode; the scanner
 * still records every comment, and syn_next groups the comments that lie between two tokens
 * exactly as go/parser does with ParseComments (consecutive comments separated by at most one
 * newline; a group on the same line as the previous token is cut at the first line break),
 * noting the lead comment (doc) of the coming token.
 *
 * Errors follow cmd/compile/internal/syntax: "syntax error: unexpected X, expected Y" at the
 * current token, at most one per line, recovery by skipping to a token that can follow
 * (advance), and a file is given up after SYN_MAX_ERRORS errors or when nesting is too deep.
 */
#include "syntax/parse.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- scratch stack and node constructors ---- */

void syn_push(Parser *p, void *x)
{
	if (p->sp == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->stk = xrealloc(p->stk, p->cap * sizeof(void *));
	}
	p->stk[p->sp++] = x;
}

void **syn_take(Parser *p, size_t mark, uint32_t *n)
{
	*n = (uint32_t)(p->sp - mark);
	void **v = *n ? arena_memdup(p->arena, p->stk + mark, *n * sizeof(void *)) : NULL;
	p->sp = mark;
	return v;
}

Expr *syn_new_expr(Parser *p, ExprKind k, uint32_t pos)
{
	Expr *e = ARENA_NEW(p->arena, Expr);
	e->kind = k;
	e->pos = pos;
	return e;
}

Stmt *syn_new_stmt(Parser *p, StmtKind k, uint32_t pos)
{
	Stmt *s = ARENA_NEW(p->arena, Stmt);
	s->kind = k;
	s->pos = pos;
	return s;
}

Expr *syn_bad_expr(Parser *p, uint32_t from, uint32_t to)
{
	Expr *e = syn_new_expr(p, EXPR_BAD, from);
	e->bad.to = to;
	return e;
}

/* ---- tokens and comments ---- */

static uint32_t newlines(const char *s, uint32_t from, uint32_t to)
{
	uint32_t n = 0;
	for (const char *q = s + from, *e = s + to; q < e; q++) {
		q = memchr(q, '\n', (size_t)(e - q));
		if (!q)
			break;
		n++;
	}
	return n;
}

static uint32_t add_group(Parser *p, uint32_t start, uint32_t len)
{
	vec_push(&p->group_start, start);
	vec_push(&p->group_len, len);
	return (uint32_t)p->group_start.len - 1;
}

/* Groups the comments [c0, c1) that precede the current token (go/parser's next). */
static void group_comments(Parser *p, uint32_t c0, uint32_t c1)
{
	const Comment *c = p->sc.comments.data;
	const char *t = p->text;
	uint32_t i = c0;
	if (p->prev_off != SYN_NOPOS && newlines(t, p->prev_off, c[i].off) == 0) {
		/* on the line of the previous token: a line comment group, cut at a line break */
		uint32_t start = i++;
		while (i < c1 && newlines(t, c[i - 1].off + c[i - 1].len, c[i].off) == 0)
			i++;
		add_group(p, start, i - start);
	}
	int32_t last = -1;
	while (i < c1) {
		uint32_t start = i++;
		while (i < c1 && newlines(t, c[i - 1].off + c[i - 1].len, c[i].off) <= 1)
			i++;
		last = (int32_t)add_group(p, start, i - start);
	}
	if (last >= 0 && newlines(t, c[c1 - 1].off + c[c1 - 1].len, p->off) == 1)
		p->lead = last;
}

void syn_next(Parser *p)
{
	Token t;
	p->prev_off = p->off;
	p->lead = -1;
	uint32_t c0 = (uint32_t)p->sc.comments.len;
	do
		syn_scan(&p->sc, &t);
	while (t.kind == TOK_ILLEGAL); /* the scanner reported it; gc's scanner skips it */
	p->tok = t.kind;
	p->off = t.off;
	p->len = t.len;
	p->implicit = t.implicit;
	p->name = t.name;
	uint32_t c1 = (uint32_t)p->sc.comments.len;
	if (c1 > c0)
		group_comments(p, c0, c1);
}

bool syn_got(Parser *p, TokKind t)
{
	if (p->tok == t) {
		syn_next(p);
		return true;
	}
	return false;
}

/* ---- errors ---- */

/* gc's English for a token in "expected X" (tokstring). */
const char *syn_tokstring(TokKind t)
{
	static _Thread_local char buf[TOK__COUNT][24]; /* parsers may run on several threads */
	switch ((int)t) {
	case TOK_COMMA:
		return "comma";
	case TOK_SEMICOLON:
		return "semicolon or newline";
	case TOK_IDENT:
		return "name";
	default:
		break;
	}
	if (syn_tok_is_keyword(t)) {
		if (!buf[t][0])
			snprintf(buf[t], sizeof buf[t], "keyword %s", syn_tok_string(t));
		return buf[t];
	}
	return syn_tok_string(t);
}

static void report(Parser *p, uint32_t off, bool syntax, const char *msg)
{
	if (p->bailed)
		return;
	if (syntax) {
		LineCol lc = srcfile_linecol(p->src, off);
		if (p->nerrors > 0 && lc.line == p->last_err_line)
			return; /* gc: only one syntax error per line */
		p->last_err_line = lc.line;
	}
	p->last_err_off = off;
	p->nerrors++;
	Pos pos = {p->src->id, off};
	diag_error(p->diags, pos, "%s", msg);
	if (p->nerrors >= SYN_MAX_ERRORS) {
		diag_error(p->diags, pos, "too many errors");
		p->bailed = true;
	}
}

void syn_error_at(Parser *p, uint32_t off, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	report(p, off, false, buf);
}

/* gc's syntaxErrorAt: msg "" / "in ..." / "at ..." / "after ..." / "expected ..." describe the
 * current token as unexpected; any other msg is printed as is. */
void syn_syntax_error_at(Parser *p, uint32_t off, const char *msg)
{
	if (p->bailed)
		return;
	if (p->tok == TOK_EOF && p->nerrors > 0)
		return; /* avoid meaningless follow-up errors */
	const char *sep;
	if (msg[0] == 0)
		sep = "";
	else if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6))
		sep = " ";
	else if (!strncmp(msg, "expected ", 9))
		sep = ", ";
	else {
		char buf[600];
		snprintf(buf, sizeof buf, "syntax error: %s", msg);
		report(p, off, true, buf);
		return;
	}
	char tok[96];
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_IDENT:
		snprintf(tok, sizeof tok, "name %s", p->name ? p->name->s : "?");
		break;
	case TOK_SEMICOLON:
		snprintf(tok, sizeof tok, "%s", !p->implicit ? "semicolon" : p->off >= p->sc.len ? "EOF" : "newline");
		break;
	case TOK_INT:
	case TOK_FLOAT:
	case TOK_IMAG:
	case TOK_CHAR:
	case TOK_STRING:
		snprintf(tok, sizeof tok, "literal %.*s", p->len > 80 ? 80 : (int)p->len, p->text + p->off);
		break;
	default:
		snprintf(tok, sizeof tok, "%s", syn_tokstring(p->tok)); /* "comma", "keyword func", "+" */
		break;
	}
	char buf[700];
	snprintf(buf, sizeof buf, "syntax error: unexpected %s%s%s", tok, sep, msg);
	report(p, off, true, buf);
}

void syn_syntax_error(Parser *p, const char *msg) { syn_syntax_error_at(p, p->off, msg); }

static bool in_set(TokKind t, const TokKind *set)
{
	for (; *set != TOK_EOF; set++)
		if (*set == t)
			return true;
	return false;
}

static bool is_stop_keyword(TokKind t)
{
	switch ((int)t) {
	case TOK_BREAK: case TOK_CONST: case TOK_CONTINUE: case TOK_DEFER: case TOK_FALLTHROUGH:
	case TOK_FOR: case TOK_GO: case TOK_GOTO: case TOK_IF: case TOK_RETURN: case TOK_SELECT:
	case TOK_SWITCH: case TOK_TYPE: case TOK_VAR:
		return true;
	default:
		return false;
	}
}

void syn_advance(Parser *p, const TokKind *follow)
{
	if (follow[0] == TOK_EOF) {
		if (p->tok != TOK_EOF)
			syn_next(p);
		return;
	}
	while (p->tok != TOK_EOF && !in_set(p->tok, follow) && !(p->fnest > 0 && is_stop_keyword(p->tok)))
		syn_next(p);
}

uint32_t syn_want(Parser *p, TokKind t)
{
	uint32_t off = p->off;
	if (!syn_got(p, t)) {
		char msg[64];
		snprintf(msg, sizeof msg, "expected %s", syn_tokstring(t));
		syn_syntax_error(p, msg);
		syn_advance(p, (const TokKind[]){TOK_EOF});
	}
	return off;
}

/* Too deep: gc (no limit) would report the first real error, which for such input is
 * almost always unclosed brackets at EOF. So rescan the file without recursion, tracking the
 * expected closers: unbalanced brackets give gc's EOF error, balanced ones go/parser's
 * "exceeded max nesting depth". The rest of the file is skipped. */
static void too_deep(Parser *p)
{
	uint32_t at = p->off;
	p->bailed = true;
	while (p->tok != TOK_EOF)
		syn_next(p);
	Diags scratch;
	diags_init(&scratch);
	Scanner sc;
	syn_scanner_init(&sc, p->src, p->names, &scratch, 0);
	Vec(char) closers = {NULL, 0, 0};
	Token t;
	uint32_t eof = 0;
	for (;;) {
		TokKind k = syn_scan(&sc, &t);
		if (k == TOK_EOF) {
			eof = t.off;
			break;
		}
		if (k == TOK_LPAREN)
			vec_push(&closers, ')');
		else if (k == TOK_LBRACK)
			vec_push(&closers, ']');
		else if (k == TOK_LBRACE)
			vec_push(&closers, '}');
		else if ((k == TOK_RPAREN || k == TOK_RBRACK || k == TOK_RBRACE) && closers.len)
			closers.len--;
	}
	Pos pos = {p->src->id, at};
	if (closers.len) {
		pos.off = eof;
		diag_error(p->diags, pos, "syntax error: unexpected EOF, expected %c", vec_last(&closers));
	} else {
		diag_error(p->diags, pos, "syntax error: exceeded max nesting depth");
	}
	p->nerrors++;
	vec_free(&closers);
	syn_scanner_free(&sc);
	diags_free(&scratch);
}

bool syn_enter(Parser *p)
{
	if (p->bailed)
		return false;
	char here;
	if (++p->depth > SYN_MAX_DEPTH || (uintptr_t)&here < p->stack_limit) {
		p->depth--;
		too_deep(p);
		return false;
	}
	return true;
}

Expr *syn_ident(Parser *p)
{
	Expr *e = syn_new_expr(p, EXPR_IDENT, p->off);
	if (p->tok == TOK_IDENT) {
		e->ident.name = p->name;
		syn_next(p);
		return e;
	}
	e->ident.name = intern(p->names, "_", 1);
	syn_syntax_error(p, "expected name");
	syn_advance(p, (const TokKind[]){TOK_EOF});
	return e;
}

/* ---- directives ---- */

static bool is_go_directive(const char *t, uint32_t n) { return n > 5 && !memcmp(t, "//go:", 5); }

/* The //go: directives among comments [p->pragma_from, end of scanned comments before the
 * current token); consumes them. */
static Pragmas take_pragmas(Parser *p)
{
	Pragmas pr = {0, NULL, 0};
	const Comment *c = p->sc.comments.data;
	uint32_t end = (uint32_t)p->sc.comments.len;
	while (end > p->pragma_from && c[end - 1].off >= p->off)
		end--;
	uint32_t n = 0;
	for (uint32_t i = p->pragma_from; i < end; i++)
		if (c[i].kind == COMMENT_DIRECTIVE && is_go_directive(p->text + c[i].off, c[i].len))
			n++;
	if (n) {
		pr.list = ARENA_ARRAY(p->arena, Comment, n);
		for (uint32_t i = p->pragma_from; i < end; i++) {
			const char *t = p->text + c[i].off;
			if (!(c[i].kind == COMMENT_DIRECTIVE && is_go_directive(t, c[i].len)))
				continue;
			pr.list[pr.n++] = c[i];
			static const char *const names[] = {
#define X(e, s) s,
			    PRAGMAS(X)
#undef X
			};
			for (uint32_t k = 0; k < PRAGMA__COUNT; k++) {
				size_t kl = strlen(names[k]);
				if (c[i].len >= kl + 2 && !memcmp(t + 2, names[k], kl) &&
				    (c[i].len == kl + 2 || t[kl + 2] == ' ' || t[kl + 2] == '\t' || t[kl + 2] == '\r'))
					pr.flags |= 1u << k;
			}
		}
	}
	p->pragma_from = end;
	return pr;
}

static void clear_pragmas(Parser *p) { p->pragma_from = (uint32_t)p->sc.comments.len; }

static CommentGroup *lead_group(Parser *p)
{
	if (p->lead < 0)
		return NULL;
	CommentGroup *g = ARENA_NEW(p->arena, CommentGroup);
	/* list is fixed up to point into file->comments when the file is done */
	g->list = (Comment *)(uintptr_t)(p->group_start.data[p->lead] + 1);
	g->n = p->group_len.data[p->lead];
	vec_push(&p->docs, g);
	return g;
}

/* ---- declarations ---- */

/* ImportSpec = [ "." | PackageName ] ImportPath .
 * ImportPath = string_lit . */
static Spec *import_spec(Parser *p)
{
	Spec *s = ARENA_NEW(p->arena, Spec);
	s->kind = SPEC_IMPORT;
	s->pos = p->off;
	s->doc = lead_group(p);
	s->pragmas = take_pragmas(p);
	if (p->tok == TOK_IDENT) {
		s->import.name = syn_ident(p);
	} else if (p->tok == TOK_PERIOD) {
		s->import.name = syn_new_expr(p, EXPR_IDENT, p->off);
		s->import.name->ident.name = intern(p->names, ".", 1);
		syn_next(p);
	}
	Expr *path = syn_new_expr(p, EXPR_BASIC_LIT, p->off);
	path->lit.kind = TOK_STRING;
	path->lit.text = "";
	s->import.path = path;
	if (syn_tok_is_literal(p->tok) && p->tok != TOK_IDENT) {
		if (p->tok != TOK_STRING)
			syn_syntax_error_at(p, p->off, "import path must be a string");
		path->lit.text = p->text + p->off;
		path->lit.len = p->len;
		syn_next(p);
	} else {
		syn_syntax_error(p, "missing import path");
		ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
	}
	return s;
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
 * VarSpec   = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
static Spec *value_spec(Parser *p, TokKind keyword)
{
	Spec *s = ARENA_NEW(p->arena, Spec);
	s->kind = SPEC_VALUE;
	s->pos = p->off;
	s->doc = lead_group(p);
	s->pragmas = take_pragmas(p);
	size_t m = syn_mark(p);
	syn_push(p, syn_ident(p));
	while (syn_got(p, TOK_COMMA))
		syn_push(p, syn_ident(p));
	s->value.names = syn_take_exprs(p, m);
	if (keyword == TOK_CONST) {
		if (p->tok != TOK_EOF && p->tok != TOK_SEMICOLON && p->tok != TOK_RPAREN) {
			s->value.type = syn_type_or_nil(p);
			if (p->tok == TOK_ASSIGN || p->tok == TOK_DEFINE) {
				if (p->tok == TOK_DEFINE)
					syn_syntax_error(p, "expected =");
				syn_next(p);
				s->value.values = syn_expr_list(p);
			}
		}
	} else {
		if (p->tok == TOK_ASSIGN || p->tok == TOK_DEFINE) {
			if (p->tok == TOK_DEFINE)
				syn_syntax_error(p, "expected =");
			syn_next(p);
			s->value.values = syn_expr_list(p);
		} else {
			s->value.type = syn_type(p);
			if (p->tok == TOK_ASSIGN || p->tok == TOK_DEFINE) {
				if (p->tok == TOK_DEFINE)
					syn_syntax_error(p, "expected =");
				syn_next(p);
				s->value.values = syn_expr_list(p);
			}
		}
	}
	return s;
}

/* extractName (both Go parsers): splits x into a type parameter name and its constraint
 * when x can be read as "name constraint". Returns the name or NULL; *typ gets the type. */
static bool is_type_elem(Expr *x)
{
	switch (x->kind) {
	case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE:
	case EXPR_INTERFACE_TYPE:
	case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE:
		return true;
	case EXPR_BINARY:
		return is_type_elem(x->binary.x) || is_type_elem(x->binary.y);
	case EXPR_UNARY:
		return x->unary.op == TOK_TILDE;
	case EXPR_PAREN:
		return is_type_elem(x->paren.x);
	case EXPR_BAD: case EXPR_IDENT: case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_FUNC_LIT:
	case EXPR_COMPOSITE_LIT: case EXPR_SELECTOR: case EXPR_INDEX: case EXPR_INDEX_LIST: case EXPR_SLICE:
	case EXPR_TYPE_ASSERT: case EXPR_CALL: case EXPR_STAR: case EXPR_KEY_VALUE: case EXPR__COUNT:
		return false;
	}
	return false;
}

static Expr *extract_name(Parser *p, Expr *x, bool force, Expr **typ)
{
	*typ = x;
	switch (x->kind) {
	case EXPR_IDENT:
		*typ = NULL;
		return x;
	case EXPR_BINARY:
		if (x->binary.op == TOK_MUL) {
			if (x->binary.x->kind == EXPR_IDENT && (force || is_type_elem(x->binary.y))) {
				Expr *star = syn_new_expr(p, EXPR_STAR, x->pos);
				star->star.x = x->binary.y;
				*typ = star;
				return x->binary.x;
			}
		} else if (x->binary.op == TOK_OR) {
			Expr *lhs;
			Expr *name = extract_name(p, x->binary.x, force || is_type_elem(x->binary.y), &lhs);
			if (name && lhs) {
				Expr *op = syn_new_expr(p, EXPR_BINARY, x->pos);
				*op = *x;
				op->binary.x = lhs;
				*typ = op;
				return name;
			}
			*typ = x;
		}
		break;
	case EXPR_CALL:
		if (x->call.fun->kind == EXPR_IDENT && x->call.args.n == 1 && x->call.ellipsis == SYN_NOPOS &&
		    (force || is_type_elem(x->call.args.v[0]))) {
			Expr *par = syn_new_expr(p, EXPR_PAREN, x->pos);
			par->paren.x = x->call.args.v[0];
			par->paren.rparen = x->call.rparen;
			*typ = par;
			return x->call.fun;
		}
		break;
	case EXPR_BAD: case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_FUNC_LIT: case EXPR_COMPOSITE_LIT:
	case EXPR_PAREN: case EXPR_SELECTOR: case EXPR_INDEX: case EXPR_INDEX_LIST: case EXPR_SLICE:
	case EXPR_TYPE_ASSERT: case EXPR_STAR: case EXPR_UNARY: case EXPR_KEY_VALUE: case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE: case EXPR_FUNC_TYPE: case EXPR_INTERFACE_TYPE: case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE: case EXPR__COUNT:
		break;
	}
	return NULL;
}

/* TypeSpec  = AliasDecl | TypeDef .
 * AliasDecl = identifier [ TypeParameters ] "=" Type .
 * TypeDef   = identifier [ TypeParameters ] Type . */
static Spec *type_spec(Parser *p)
{
	Spec *s = ARENA_NEW(p->arena, Spec);
	s->kind = SPEC_TYPE;
	s->pos = p->off;
	s->doc = lead_group(p);
	s->pragmas = take_pragmas(p);
	s->type.name = syn_ident(p);
	s->type.assign = SYN_NOPOS;
	if (p->tok == TOK_LBRACK) {
		/* array/slice type or type parameter list */
		uint32_t lbrack = p->off;
		syn_next(p);
		if (p->tok == TOK_IDENT) {
			Expr *x = syn_ident(p);
			if (p->tok != TOK_LBRACK) {
				p->xnest++;
				x = syn_binary_expr(p, syn_primary_expr(p, x), 0);
				p->xnest--;
			}
			Expr *ptype;
			Expr *pname = extract_name(p, x, p->tok == TOK_COMMA, &ptype);
			if (pname && (ptype || p->tok != TOK_RBRACK)) {
				s->type.tparams = syn_params(p, TOK_RBRACK, false, pname, ptype, lbrack);
				if (p->tok == TOK_ASSIGN) {
					s->type.assign = p->off;
					syn_next(p);
				}
				s->type.type = syn_type(p);
			} else {
				s->type.type = syn_array_type(p, lbrack, x);
			}
		} else {
			s->type.type = syn_array_type(p, lbrack, NULL);
		}
	} else {
		if (p->tok == TOK_ASSIGN) {
			s->type.assign = p->off;
			syn_next(p);
		}
		s->type.type = syn_type_or_nil(p);
		if (!s->type.type) {
			s->type.type = syn_bad_expr(p, p->off, p->off);
			syn_syntax_error(p, "in type declaration");
			ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
		}
	}
	return s;
}

static Spec *spec(Parser *p, TokKind keyword)
{
	switch ((int)keyword) {
	case TOK_IMPORT:
		return import_spec(p);
	case TOK_TYPE:
		return type_spec(p);
	default:
		return value_spec(p, keyword);
	}
}

/* Declaration = ConstDecl | TypeDecl | VarDecl .
 * ConstDecl   = "const" ( ConstSpec | "(" { ConstSpec ";" } ")" ) .  (and so on)
 * The current token is the keyword. */
Decl *syn_gen_decl(Parser *p, TokKind keyword)
{
	Decl *d = ARENA_NEW(p->arena, Decl);
	d->kind = DECL_GEN;
	d->pos = p->off;
	d->doc = lead_group(p);
	d->gen.tok = keyword;
	d->gen.lparen = d->gen.rparen = SYN_NOPOS;
	syn_next(p);
	size_t m = syn_mark(p);
	if (p->tok == TOK_LPAREN) {
		d->gen.lparen = p->off;
		clear_pragmas(p);
		syn_next(p);
		/* list = [ f { ";" f } [";"] ] ")" . */
		while (p->tok != TOK_EOF && p->tok != TOK_RPAREN && !p->bailed) {
			syn_push(p, spec(p, keyword));
			if (!syn_got(p, TOK_SEMICOLON) && p->tok != TOK_RPAREN) {
				syn_syntax_error(p, "in grouped declaration; possibly missing semicolon or newline or )");
				ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
				if (p->tok != TOK_RPAREN)
					break;
			}
		}
		d->gen.rparen = p->off;
		syn_want(p, TOK_RPAREN);
	} else {
		syn_push(p, spec(p, keyword));
	}
	d->gen.specs = (Spec **)syn_take(p, m, &d->gen.nspecs);
	if (d->gen.nspecs == 0 && d->gen.rparen == SYN_NOPOS) {
		d->kind = DECL_BAD;
		d->bad.to = p->off;
	}
	return d;
}

/* FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
 * MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
 * Receiver     = Parameters . */
static Decl *func_decl(Parser *p)
{
	Decl *d = ARENA_NEW(p->arena, Decl);
	d->kind = DECL_FUNC;
	d->pos = p->off;
	d->doc = lead_group(p);
	d->func.pragmas = take_pragmas(p);
	uint32_t func_pos = p->off;
	syn_next(p);
	bool method = false;
	if (p->tok == TOK_LPAREN) {
		method = true;
		uint32_t open = p->off;
		syn_next(p);
		d->func.recv = syn_params(p, TOK_RPAREN, false, NULL, NULL, open);
		if (d->func.recv->n == 0)
			syn_error_at(p, p->off, "method has no receiver");
		else if (d->func.recv->n > 1 || d->func.recv->list[0]->names.n > 1)
			syn_error_at(p, p->off, "method has multiple receivers");
	}
	if (p->tok == TOK_IDENT) {
		d->func.name = syn_ident(p);
		FieldList *tparams = NULL;
		d->func.type = syn_func_type(p, func_pos, true, &tparams);
		if (method && tparams) {
			syn_syntax_error_at(p, tparams->opening, "method must have no type parameters");
		}
		d->func.type->func_type.tparams = tparams;
	} else {
		d->func.name = syn_new_expr(p, EXPR_IDENT, p->off);
		d->func.name->ident.name = intern(p->names, "_", 1);
		Expr *ft = syn_new_expr(p, EXPR_FUNC_TYPE, p->off);
		ft->func_type.func_pos = func_pos;
		FieldList *fl = ARENA_NEW(p->arena, FieldList);
		fl->opening = fl->closing = SYN_NOPOS;
		ft->func_type.params = fl;
		d->func.type = ft;
		syn_syntax_error(p, method ? "expected name" : "expected name or (");
		ADVANCE(p, TOK_LBRACE, TOK_SEMICOLON);
	}
	if (p->tok == TOK_LBRACE)
		d->func.body = syn_func_body(p);
	return d;
}

static bool is_empty_func_decl(Parser *p, size_t mark)
{
	if (p->sp == mark)
		return false;
	Decl *d = p->stk[p->sp - 1];
	return d->kind == DECL_FUNC && !d->func.body;
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static void source_file(Parser *p, SynFile *f)
{
	f->doc = lead_group(p);
	/* build constraints: before the package clause */
	{
		const Comment *c = p->sc.comments.data;
		uint32_t n = 0;
		for (size_t i = 0; i < p->sc.comments.len && c[i].off < p->off; i++)
			n += c[i].kind == COMMENT_BUILD;
		if (n) {
			f->build = ARENA_ARRAY(p->arena, Comment, n);
			for (size_t i = 0; i < p->sc.comments.len && c[i].off < p->off; i++)
				if (c[i].kind == COMMENT_BUILD)
					f->build[f->nbuild++] = c[i];
		}
	}
	if (p->tok != TOK_PACKAGE) {
		syn_syntax_error(p, "package statement must be first");
		return;
	}
	f->package_pos = p->off;
	syn_next(p);
	f->name = syn_ident(p);
	if (p->tok != TOK_EOF)
		syn_want(p, TOK_SEMICOLON);
	if (p->nerrors)
		return; /* gc: don't bother continuing if the package clause has errors */

	size_t m = syn_mark(p);
	TokKind prev = TOK_IMPORT;
	while (p->tok != TOK_EOF && !p->bailed) {
		if (p->tok == TOK_IMPORT && prev != TOK_IMPORT)
			syn_syntax_error(p, "imports must appear before other declarations");
		prev = p->tok;
		switch ((int)p->tok) { /* token dispatch: partial by nature */
		case TOK_IMPORT:
		case TOK_CONST:
		case TOK_TYPE:
		case TOK_VAR:
			syn_push(p, syn_gen_decl(p, p->tok));
			break;
		case TOK_FUNC:
			syn_push(p, func_decl(p));
			break;
		default:
			if (p->tok == TOK_LBRACE && is_empty_func_decl(p, m))
				syn_syntax_error(p, "unexpected semicolon or newline before {");
			else
				syn_syntax_error(p, "non-declaration statement outside function body");
			ADVANCE(p, TOK_IMPORT, TOK_CONST, TOK_TYPE, TOK_VAR, TOK_FUNC);
			continue;
		}
		clear_pragmas(p);
		if (p->tok != TOK_EOF && !syn_got(p, TOK_SEMICOLON)) {
			syn_syntax_error(p, "after top level declaration");
			ADVANCE(p, TOK_IMPORT, TOK_CONST, TOK_TYPE, TOK_VAR, TOK_FUNC);
		}
	}
	f->decls = (Decl **)syn_take(p, m, &f->ndecls);
}


static uintptr_t stack_limit_uncached(void);

/* The lowest address the parser may recurse down to on this thread (stacks grow down on
 * every platform gomem targets). */
static uintptr_t stack_limit(void)
{
	/* pthread_getattr_np reads /proc/self/maps on the main thread: once per thread */
	static _Thread_local uintptr_t cached;
	if (cached)
		return cached;
	cached = stack_limit_uncached();
	return cached;
}

static uintptr_t stack_limit_uncached(void)
{
#if defined(__GLIBC__)
	pthread_attr_t attr;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		int ok = pthread_attr_getstack(&attr, &addr, &size);
		pthread_attr_destroy(&attr);
		if (ok == 0 && size > 2 * SYN_STACK_MARGIN)
			return (uintptr_t)addr + SYN_STACK_MARGIN;
	}
#endif
	/* unknown bounds: assume 8 MiB below here, the usual main-thread default */
	char here;
	return (uintptr_t)&here - (8u << 20) + SYN_STACK_MARGIN;
}

SynFile *syn_parse_file(SrcFile *src, Arena *arena, Interner *names, Diags *diags)
{
	Parser p;
	memset(&p, 0, sizeof p);
	p.src = src;
	p.text = src->text;
	p.arena = arena;
	p.names = names;
	p.diags = diags;
	p.lead = -1;
	p.off = SYN_NOPOS;
	p.stack_limit = stack_limit();
	syn_intern_keywords(names);
	size_t ndiag0 = diags->list.len;
	syn_scanner_init(&p.sc, src, names, diags, 0);
	SynFile *f = ARENA_NEW(arena, SynFile);
	f->src = src;
	f->arena = arena;
	f->package_pos = SYN_NOPOS;
	p.file = f;
	syn_next(&p);
	source_file(&p, f);
	/* drain the scanner so every comment of the file is seen */
	while (p.tok != TOK_EOF)
		syn_next(&p);

	f->ncomments = (uint32_t)p.sc.comments.len;
	f->comments = f->ncomments ? arena_memdup(arena, p.sc.comments.data, f->ncomments * sizeof(Comment)) : NULL;
	f->ngroups = (uint32_t)p.group_start.len;
	if (f->ngroups) {
		f->groups = ARENA_ARRAY(arena, CommentGroup, f->ngroups);
		for (uint32_t i = 0; i < f->ngroups; i++) {
			f->groups[i].list = f->comments + p.group_start.data[i];
			f->groups[i].n = p.group_len.data[i];
		}
	}
	for (size_t i = 0; i < p.docs.len; i++) {
		CommentGroup *g = p.docs.data[i];
		g->list = f->comments + ((uint32_t)(uintptr_t)g->list - 1);
	}
	vec_free(&p.docs);
	f->nerrors = (uint32_t)(diags->list.len - ndiag0);
	free(p.stk);
	vec_free(&p.group_start);
	vec_free(&p.group_len);
	syn_scanner_free(&p.sc);
	return f;
}
