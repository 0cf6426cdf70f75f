/*
 * Internal to the parser (parser.c, parse_expr.c, parse_stmt.c): the parser state and the
 * helpers the three files share. Not for other stages: they use ast.h.
 *
 * The parser is recursive descent with one token of look-ahead, in the manner of both Go
 * parsers: the tree it builds has go/parser's shape, and its error messages, positions and
 * recovery follow cmd/compile/internal/syntax, whose wording users see from `go build`.
 */
#ifndef GOMEM_SYNTAX_PARSE_H
#define GOMEM_SYNTAX_PARSE_H

#include "syntax/ast.h"

/* Deepest recursion we accept (nested expressions, types, blocks). Real code stays far below.
 * Hostile input (200,000 '(') is also stopped before the C stack runs out: syn_enter checks
 * the stack pointer against the thread's stack bounds (SYN_STACK_MARGIN bytes kept free), so a
 * thread with a small stack gets "exceeded max nesting depth" early instead of a crash.
 * The bound is go/parser's (maxNestLev); gc has none. When it is hit and the file's brackets
 * never close, the error is gc's "unexpected EOF" at the end instead (see syn_enter). */
#define SYN_MAX_DEPTH 100000
#define SYN_STACK_MARGIN (256u * 1024)
/* gc gives up on a file after 10 errors ("too many errors"). */
#define SYN_MAX_ERRORS 10

typedef struct Parser {
	Scanner sc;
	SrcFile *src;
	const char *text;
	Arena *arena;
	Interner *names;
	Diags *diags;
	SynFile *file;

	/* the current token */
	TokKind tok;
	uint32_t off, len;
	bool implicit;
	Name *name;
	uint32_t prev_off;      /* start of the previous token (comment grouping), or SYN_NOPOS */

	int xnest;              /* expression nesting; < 0 in control clause headers (composite literal rule) */
	int fnest;              /* function nesting (error recovery stops at statement keywords inside) */
	int depth;              /* recursion depth, bounded by SYN_MAX_DEPTH */
	uintptr_t stack_limit;  /* lowest safe stack address (0: unknown) */
	bool bailed;            /* too deep or too many errors: skip to EOF */
	uint32_t nerrors;
	uint32_t last_err_line; /* gc reports one syntax error per line */
	uint32_t last_err_off;

	/* scratch stack for lists under construction */
	void **stk;
	size_t sp, cap;

	/* comment groups (indices into sc.comments) */
	Vec(uint32_t) group_start;
	Vec(uint32_t) group_len;
	Vec(CommentGroup *) docs; /* doc groups handed out, fixed up at the end */
	int32_t lead;           /* group index of the lead comment of the current token, or -1 */
	uint32_t pragma_from;   /* first comment index not yet given to a declaration */
} Parser;

/* parser.c */
void syn_next(Parser *p);
bool syn_got(Parser *p, TokKind t);
uint32_t syn_want(Parser *p, TokKind t);
void syn_error_at(Parser *p, uint32_t off, const char *fmt, ...) PRINTF_LIKE(3, 4);
void syn_syntax_error_at(Parser *p, uint32_t off, const char *msg);
void syn_syntax_error(Parser *p, const char *msg);
/* Skips tokens until one in follow (terminated by TOK_EOF), or a statement keyword inside a
 * function; with an empty follow list exactly one token is skipped. */
void syn_advance(Parser *p, const TokKind *follow);
#define ADVANCE(p, ...) syn_advance((p), (const TokKind[]){__VA_ARGS__, TOK_EOF})
bool syn_enter(Parser *p); /* depth guard: false (and an error) when too deep */
static inline void syn_leave(Parser *p) { p->depth--; }
const char *syn_tokstring(TokKind t);

static inline size_t syn_mark(Parser *p) { return p->sp; }
void syn_push(Parser *p, void *x);
void **syn_take(Parser *p, size_t mark, uint32_t *n);
static inline ExprList syn_take_exprs(Parser *p, size_t mark)
{
	ExprList l;
	l.v = (Expr **)syn_take(p, mark, &l.n);
	return l;
}
static inline StmtList syn_take_stmts(Parser *p, size_t mark)
{
	StmtList l;
	l.v = (Stmt **)syn_take(p, mark, &l.n);
	return l;
}

Expr *syn_new_expr(Parser *p, ExprKind k, uint32_t pos);
Stmt *syn_new_stmt(Parser *p, StmtKind k, uint32_t pos);
Expr *syn_bad_expr(Parser *p, uint32_t from, uint32_t to);
Expr *syn_ident(Parser *p);             /* name, or "_" with an error */
Decl *syn_gen_decl(Parser *p, TokKind keyword);

/* parse_expr.c */
Expr *syn_expr(Parser *p);
Expr *syn_binary_expr(Parser *p, Expr *x, int prec);
Expr *syn_unary_expr(Parser *p);
Expr *syn_primary_expr(Parser *p, Expr *x);
ExprList syn_expr_list(Parser *p);
Expr *syn_type(Parser *p);
Expr *syn_type_or_nil(Parser *p);
Expr *syn_func_type(Parser *p, uint32_t func_pos, bool allow_tparams, FieldList **tparams);
FieldList *syn_params(Parser *p, TokKind close, bool ddd_ok, Expr *name0, Expr *typ0, uint32_t opening);
FieldList *syn_result(Parser *p);
Expr *syn_array_type(Parser *p, uint32_t lbrack, Expr *len);
Expr *syn_qualified_type(Parser *p, Expr *name);

/* parse_stmt.c */
Stmt *syn_block(Parser *p, const char *context);
Stmt *syn_func_body(Parser *p);

#endif
