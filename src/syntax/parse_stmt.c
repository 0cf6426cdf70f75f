/*
 * Statements (spec: "Statements"). Statement parsers leave the terminating ";" to the
 * statement list, as cmd/compile/internal/syntax does, so that "at end of statement" errors
 * and their recovery match gc; the trees are go/parser's.
 *
 * Control clause headers (if/for/switch) set p->xnest to -1 so that `if x == T{} {` reads the
 * "{" as the block (spec: "Composite literals", the parsing ambiguity).
 */
#include "syntax/parse.h"

#include <string.h>

static Stmt *stmt_or_nil(Parser *p);
static StmtList stmt_list(Parser *p);

static bool is_type_switch_guard(const Stmt *s)
{
	if (!s)
		return false;
	if (s->kind == STMT_EXPR)
		return s->expr.x->kind == EXPR_TYPE_ASSERT && !s->expr.x->assert.type;
	if (s->kind == STMT_ASSIGN && s->assign.lhs.n == 1 && s->assign.rhs.n == 1 &&
	    s->assign.rhs.v[0]->kind == EXPR_TYPE_ASSERT && !s->assign.rhs.v[0]->assert.type)
		return s->assign.tok == TOK_DEFINE && s->assign.lhs.v[0]->kind == EXPR_IDENT; /* as gc */
	return false;
}

static Stmt *expr_stmt(Parser *p, Expr *x)
{
	Stmt *s = syn_new_stmt(p, STMT_EXPR, x->pos);
	s->expr.x = x;
	return s;
}

/* RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
 * The current token is "range". */
static Stmt *range_clause(Parser *p, ExprList lhs, uint32_t tok_pos, TokKind tok)
{
	Stmt *r = syn_new_stmt(p, STMT_RANGE, SYN_NOPOS);
	r->range.range_pos = p->off;
	r->range.tok_pos = tok_pos;
	r->range.tok = tok;
	syn_next(p);
	r->range.x = syn_expr(p);
	if (lhs.n > 0)
		r->range.key = lhs.v[0];
	if (lhs.n > 1)
		r->range.value = lhs.v[1];
	if (lhs.n > 2)
		syn_error_at(p, syn_expr_pos(lhs.v[2]), "range clause permits at most two iteration variables");
	return r;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
 * lhs may be already parsed; keyword is TOK_FOR (range allowed), TOK_SWITCH or TOK_EOF. */
static Stmt *simple_stmt(Parser *p, ExprList *lhs0, TokKind keyword)
{
	if (keyword == TOK_FOR && p->tok == TOK_RANGE)
		return range_clause(p, (ExprList){NULL, 0}, SYN_NOPOS, TOK_ILLEGAL);
	ExprList lhs = lhs0 ? *lhs0 : syn_expr_list(p);
	if (lhs.n == 1 && p->tok != TOK_ASSIGN && p->tok != TOK_DEFINE) {
		uint32_t pos = p->off;
		switch ((int)p->tok) { /* token dispatch: partial by nature */
		case TOK_ADD_ASSIGN: case TOK_SUB_ASSIGN: case TOK_MUL_ASSIGN: case TOK_QUO_ASSIGN:
		case TOK_REM_ASSIGN: case TOK_AND_ASSIGN: case TOK_OR_ASSIGN: case TOK_XOR_ASSIGN:
		case TOK_SHL_ASSIGN: case TOK_SHR_ASSIGN: case TOK_AND_NOT_ASSIGN: {
			Stmt *s = syn_new_stmt(p, STMT_ASSIGN, pos);
			s->assign.tok = p->tok;
			syn_next(p);
			s->assign.lhs = lhs;
			size_t m = syn_mark(p);
			syn_push(p, syn_expr(p));
			s->assign.rhs = syn_take_exprs(p, m);
			return s;
		}
		case TOK_INC:
		case TOK_DEC: {
			Stmt *s = syn_new_stmt(p, STMT_INC_DEC, pos);
			s->inc_dec.tok = p->tok;
			s->inc_dec.x = lhs.v[0];
			syn_next(p);
			return s;
		}
		case TOK_ARROW: {
			Stmt *s = syn_new_stmt(p, STMT_SEND, pos);
			syn_next(p);
			s->send.chan = lhs.v[0];
			s->send.value = syn_expr(p);
			return s;
		}
		default:
			return expr_stmt(p, lhs.v[0]);
		}
	}
	if (p->tok == TOK_ASSIGN || p->tok == TOK_DEFINE) {
		uint32_t pos = p->off;
		TokKind tok = p->tok;
		syn_next(p);
		if (keyword == TOK_FOR && p->tok == TOK_RANGE)
			return range_clause(p, lhs, pos, tok);
		Stmt *s = syn_new_stmt(p, STMT_ASSIGN, pos);
		s->assign.tok = tok;
		s->assign.lhs = lhs;
		s->assign.rhs = syn_expr_list(p);
		return s;
	}
	syn_syntax_error(p, "expected := or = or comma");
	ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE);
	return expr_stmt(p, lhs.v[0]);
}

/* gc's String(stmt) for "cannot use ... as value": the statement's source text. */
static void stmt_text(Parser *p, Stmt *s, char *buf, size_t n)
{
	uint32_t a = syn_stmt_pos(s), b = syn_stmt_end(s);
	if (a == SYN_NOPOS || b == SYN_NOPOS || b < a)
		a = b = 0;
	size_t len = b - a;
	if (s->kind == STMT_ASSIGN && s->assign.tok == TOK_ASSIGN && s->assign.lhs.n == 1 && s->assign.rhs.n == 1) {
		Expr *l = s->assign.lhs.v[0], *r = s->assign.rhs.v[0];
		uint32_t la = syn_expr_pos(l), lb = syn_expr_end(l), ra = syn_expr_pos(r), rb = syn_expr_end(r);
		bool lp = l->kind == EXPR_BINARY, rp = r->kind == EXPR_BINARY;
		snprintf(buf, n, "assignment %s%.*s%s = %s%.*s%s", lp ? "(" : "", (int)(lb - la), p->text + la,
		         lp ? ")" : "", rp ? "(" : "", (int)(rb - ra), p->text + ra, rp ? ")" : "");
		return;
	}
	snprintf(buf, n, "%.*s", (int)(len > 200 ? 200 : len), p->text + a);
}

/* The condition of an if/for header, or the tag of a switch, from its simple statement. */
static Expr *cond_of(Parser *p, Stmt *s)
{
	if (!s)
		return NULL;
	if (s->kind == STMT_EXPR)
		return s->expr.x;
	char text[300], msg[400];
	stmt_text(p, s, text, sizeof text);
	snprintf(msg, sizeof msg, "cannot use %s as value", text);
	syn_syntax_error_at(p, s->pos, msg);
	return syn_bad_expr(p, syn_stmt_pos(s), syn_stmt_end(s));
}

/* The header of if, for and switch: [ SimpleStmt ";" ] [ Condition ], or for's
 * [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ] or RangeClause. The keyword is consumed.
 * *cond receives the condition's statement (switch needs it whole). */
static void header(Parser *p, TokKind keyword, Stmt **init, Stmt **cond, Stmt **post)
{
	*init = *cond = *post = NULL;
	if (p->tok == TOK_LBRACE) {
		if (keyword == TOK_IF) {
			syn_syntax_error(p, "missing condition in if statement");
			*cond = expr_stmt(p, syn_bad_expr(p, p->off, p->off));
		}
		return;
	}
	int outer = p->xnest;
	p->xnest = -1;
	if (p->tok != TOK_SEMICOLON) {
		if (p->tok == TOK_VAR) {
			char msg[64];
			snprintf(msg, sizeof msg, "var declaration not allowed in %s initializer", syn_tok_string(keyword));
			syn_next(p);
			syn_syntax_error(p, msg); /* gc: at the token after "var" */
		}
		*init = simple_stmt(p, NULL, keyword);
		if ((*init)->kind == STMT_RANGE) {
			p->xnest = outer;
			return;
		}
	}
	Stmt *cs = NULL;
	uint32_t semi = SYN_NOPOS;
	bool semi_implicit = false, semi_eof = false;
	if (p->tok != TOK_LBRACE) {
		if (p->tok == TOK_SEMICOLON) {
			semi = p->off;
			semi_implicit = p->implicit;
			semi_eof = p->off >= p->sc.len;
			syn_next(p);
		} else {
			syn_want(p, TOK_LBRACE);
			if (p->tok != TOK_LBRACE)
				ADVANCE(p, TOK_LBRACE, TOK_RBRACE);
		}
		if (keyword == TOK_FOR) {
			if (p->tok != TOK_SEMICOLON) {
				if (p->tok == TOK_LBRACE) {
					syn_syntax_error(p, "expected for loop condition");
					goto done;
				}
				cs = simple_stmt(p, NULL, TOK_EOF);
			}
			syn_want(p, TOK_SEMICOLON);
			if (p->tok != TOK_LBRACE) {
				*post = simple_stmt(p, NULL, TOK_EOF);
				if ((*post)->kind == STMT_ASSIGN && (*post)->assign.tok == TOK_DEFINE)
					syn_syntax_error_at(p, (*post)->pos, "cannot declare in post statement of for loop");
			}
		} else if (p->tok != TOK_LBRACE) {
			cs = simple_stmt(p, NULL, keyword);
		}
	} else {
		cs = *init;
		*init = NULL;
	}
done:
	if (!cs && keyword == TOK_IF && semi != SYN_NOPOS) {
		if (semi_implicit) {
			char msg[80];
			snprintf(msg, sizeof msg, "unexpected %s, expected { after if clause", semi_eof ? "EOF" : "newline");
			syn_syntax_error_at(p, semi, msg);
		} else {
			syn_syntax_error_at(p, semi, "missing condition in if statement");
		}
		cs = expr_stmt(p, syn_bad_expr(p, semi, semi));
	}
	*cond = cs;
	p->xnest = outer;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Stmt *if_stmt(Parser *p)
{
	Stmt *s = syn_new_stmt(p, STMT_IF, p->off);
	syn_next(p);
	Stmt *cs, *post;
	header(p, TOK_IF, &s->if_.init, &cs, &post);
	s->if_.cond = cond_of(p, cs);
	if (!s->if_.cond)
		s->if_.cond = syn_bad_expr(p, p->off, p->off);
	s->if_.body = syn_block(p, "if clause");
	if (syn_got(p, TOK_ELSE)) {
		if (p->tok == TOK_IF) {
			if (syn_enter(p)) {
				s->if_.else_ = if_stmt(p);
				syn_leave(p);
			}
		} else if (p->tok == TOK_LBRACE) {
			s->if_.else_ = syn_block(p, "");
		} else {
			syn_syntax_error(p, "else must be followed by if or statement block");
			ADVANCE(p, TOK_IDENT, TOK_RBRACE);
		}
	}
	return s;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static Stmt *for_stmt(Parser *p)
{
	uint32_t pos = p->off;
	syn_next(p);
	Stmt *init, *cs, *post;
	header(p, TOK_FOR, &init, &cs, &post);
	if (init && init->kind == STMT_RANGE) {
		init->pos = pos;
		init->range.body = syn_block(p, "for clause");
		return init;
	}
	Stmt *s = syn_new_stmt(p, STMT_FOR, pos);
	s->for_.init = init;
	s->for_.cond = cond_of(p, cs);
	s->for_.post = post;
	s->for_.body = syn_block(p, "for clause");
	return s;
}

/* ExprCaseClause = ExprSwitchCase ":" StatementList .
 * ExprSwitchCase = "case" ExpressionList | "default" . (TypeSwitchCase alike) */
static Stmt *case_clause(Parser *p)
{
	Stmt *c = syn_new_stmt(p, STMT_CASE_CLAUSE, p->off);
	if (p->tok == TOK_CASE) {
		syn_next(p);
		c->case_clause.list = syn_expr_list(p);
	} else if (p->tok == TOK_DEFAULT) {
		syn_next(p);
	} else {
		syn_syntax_error(p, "expected case or default or }");
		ADVANCE(p, TOK_COLON, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
	}
	c->case_clause.colon = p->off;
	syn_want(p, TOK_COLON);
	c->case_clause.body = stmt_list(p);
	return c;
}

/* CommClause = CommCase ":" StatementList .
 * CommCase   = "case" ( SendStmt | RecvStmt ) | "default" .
 * RecvStmt   = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr . */
static Stmt *comm_clause(Parser *p)
{
	Stmt *c = syn_new_stmt(p, STMT_COMM_CLAUSE, p->off);
	if (p->tok == TOK_CASE) {
		syn_next(p);
		ExprList lhs = syn_expr_list(p);
		if (lhs.n > 1 && p->tok != TOK_ASSIGN && p->tok != TOK_DEFINE) {
			syn_syntax_error(p, "expected := or = or comma");
			ADVANCE(p, TOK_COLON, TOK_SEMICOLON, TOK_RBRACE);
			c->comm_clause.comm = expr_stmt(p, lhs.v[0]);
		} else if (p->tok == TOK_ARROW) {
			Stmt *s = syn_new_stmt(p, STMT_SEND, p->off);
			syn_next(p);
			s->send.chan = lhs.v[0];
			s->send.value = syn_expr(p);
			c->comm_clause.comm = s;
		} else if (p->tok == TOK_ASSIGN || p->tok == TOK_DEFINE) {
			Stmt *s = syn_new_stmt(p, STMT_ASSIGN, p->off);
			s->assign.tok = p->tok;
			syn_next(p);
			if (lhs.n > 2)
				lhs.n = 2;
			s->assign.lhs = lhs;
			size_t m = syn_mark(p);
			syn_push(p, syn_expr(p));
			s->assign.rhs = syn_take_exprs(p, m);
			c->comm_clause.comm = s;
		} else {
			c->comm_clause.comm = expr_stmt(p, lhs.v[0]);
		}
	} else if (p->tok == TOK_DEFAULT) {
		syn_next(p);
	} else {
		syn_syntax_error(p, "expected case or default or }");
		ADVANCE(p, TOK_COLON, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
	}
	c->comm_clause.colon = p->off;
	syn_want(p, TOK_COLON);
	c->comm_clause.body = stmt_list(p);
	return c;
}

/* The "{" { clause } "}" of switch and select. */
static Stmt *clause_block(Parser *p, bool select)
{
	Stmt *b = syn_new_stmt(p, STMT_BLOCK, p->off);
	if (!syn_got(p, TOK_LBRACE)) {
		syn_syntax_error(p, select ? "missing { after select clause" : "missing { after switch clause");
		ADVANCE(p, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
	}
	size_t m = syn_mark(p);
	while (p->tok != TOK_EOF && p->tok != TOK_RBRACE && !p->bailed)
		syn_push(p, select ? comm_clause(p) : case_clause(p));
	b->block.list = syn_take_stmts(p, m);
	b->block.rbrace = p->off;
	syn_want(p, TOK_RBRACE);
	return b;
}

/* SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
 * ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
 * TypeSwitchStmt = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" . */
static Stmt *switch_stmt(Parser *p)
{
	uint32_t pos = p->off;
	syn_next(p);
	Stmt *init, *cs, *post;
	header(p, TOK_SWITCH, &init, &cs, &post);
	if (is_type_switch_guard(cs)) {
		Stmt *s = syn_new_stmt(p, STMT_TYPE_SWITCH, pos);
		s->type_switch.init = init;
		s->type_switch.assign = cs;
		s->type_switch.body = clause_block(p, false);
		return s;
	}
	Stmt *s = syn_new_stmt(p, STMT_SWITCH, pos);
	s->switch_.init = init;
	s->switch_.tag = cond_of(p, cs);
	s->switch_.body = clause_block(p, false);
	return s;
}

/* syntax.StartPos: types2 reports "must be function call" at the expression's leftmost
 * operand (x in x.f, x[i], x.(T), x op y, T in T{...}). */
static uint32_t start_pos(Expr *e)
{
	for (int i = 0; i < 10000; i++) {
		switch (e->kind) {
		case EXPR_SELECTOR: e = e->selector.x; continue;
		case EXPR_INDEX:
		case EXPR_INDEX_LIST: e = e->index.x; continue;
		case EXPR_TYPE_ASSERT: e = e->assert.x; continue;
		case EXPR_BINARY: e = e->binary.x; continue;
		case EXPR_CALL: e = e->call.fun; continue;
		case EXPR_KEY_VALUE: e = e->kv.key; continue;
		case EXPR_COMPOSITE_LIT:
			if (e->composite.type) {
				e = e->composite.type;
				continue;
			}
			return e->pos;
		case EXPR_BAD: case EXPR_IDENT: case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_FUNC_LIT: case EXPR_PAREN:
		case EXPR_SLICE: case EXPR_STAR: case EXPR_UNARY: case EXPR_ARRAY_TYPE: case EXPR_STRUCT_TYPE: case EXPR_FUNC_TYPE:
		case EXPR_INTERFACE_TYPE: case EXPR_MAP_TYPE: case EXPR_CHAN_TYPE: case EXPR__COUNT:
			return e->pos;
		}
	}
	return e->pos;
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression . */
static Stmt *call_stmt(Parser *p)
{
	TokKind tok = p->tok;
	Stmt *s = syn_new_stmt(p, tok == TOK_GO ? STMT_GO : STMT_DEFER, p->off);
	syn_next(p);
	Expr *x = syn_primary_expr(p, NULL);
	Expr *t = syn_unparen(x);
	if (t != x) {
		syn_error_at(p, x->pos, "expression in %s must not be parenthesized", syn_tok_string(tok));
		x = t;
	}
	if (x->kind != EXPR_CALL) {
		if (x->kind != EXPR_BAD)
			syn_error_at(p, start_pos(x), "expression in %s must be function call", syn_tok_string(tok));
		Stmt *b = syn_new_stmt(p, STMT_BAD, s->pos);
		b->bad.from = s->pos;
		b->bad.to = syn_expr_end(x);
		return b;
	}
	s->go_defer.call = x;
	return s;
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt | BreakStmt |
 *             ContinueStmt | GotoStmt | FallthroughStmt | Block | IfStmt | SwitchStmt |
 *             SelectStmt | ForStmt | DeferStmt .
 * NULL when no statement starts here. */
static Stmt *stmt_or_nil(Parser *p)
{
	if (!syn_enter(p))
		return NULL;
	Stmt *s = NULL;
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_IDENT: {
		ExprList lhs = syn_expr_list(p);
		if (lhs.n == 1 && lhs.v[0]->kind == EXPR_IDENT && p->tok == TOK_COLON) {
			/* LabeledStmt = Label ":" Statement . */
			s = syn_new_stmt(p, STMT_LABELED, p->off);
			s->labeled.label = lhs.v[0];
			syn_next(p);
			if (p->tok == TOK_RBRACE) {
				Stmt *e = syn_new_stmt(p, STMT_EMPTY, p->off);
				e->empty.semi = p->off;
				e->empty.implicit = true;
				s->labeled.stmt = e;
			} else {
				s->labeled.stmt = stmt_or_nil(p);
				if (!s->labeled.stmt) {
					syn_syntax_error_at(p, s->pos, "missing statement after label");
					s = NULL;
				}
			}
			break;
		}
		s = simple_stmt(p, &lhs, TOK_EOF);
		break;
	}
	case TOK_VAR:
	case TOK_CONST:
	case TOK_TYPE:
		s = syn_new_stmt(p, STMT_DECL, p->off);
		s->decl.decl = syn_gen_decl(p, p->tok);
		break;
	case TOK_LBRACE:
		s = syn_block(p, "");
		break;
	case TOK_ADD: case TOK_SUB: case TOK_MUL: case TOK_AND: case TOK_XOR: case TOK_NOT:
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING:
	case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK: case TOK_STRUCT: case TOK_MAP: case TOK_CHAN:
	case TOK_INTERFACE: case TOK_ARROW:
		s = simple_stmt(p, NULL, TOK_EOF);
		break;
	case TOK_FOR:
		s = for_stmt(p);
		break;
	case TOK_SWITCH:
		s = switch_stmt(p);
		break;
	case TOK_SELECT:
		s = syn_new_stmt(p, STMT_SELECT, p->off);
		syn_next(p);
		s->select.body = clause_block(p, true);
		break;
	case TOK_IF:
		s = if_stmt(p);
		break;
	case TOK_FALLTHROUGH:
		s = syn_new_stmt(p, STMT_BRANCH, p->off);
		s->branch.tok = TOK_FALLTHROUGH;
		syn_next(p);
		break;
	case TOK_BREAK:
	case TOK_CONTINUE:
		s = syn_new_stmt(p, STMT_BRANCH, p->off);
		s->branch.tok = p->tok;
		syn_next(p);
		if (p->tok == TOK_IDENT)
			s->branch.label = syn_ident(p);
		break;
	case TOK_GOTO:
		s = syn_new_stmt(p, STMT_BRANCH, p->off);
		s->branch.tok = TOK_GOTO;
		syn_next(p);
		s->branch.label = syn_ident(p);
		break;
	case TOK_GO:
	case TOK_DEFER:
		s = call_stmt(p);
		break;
	case TOK_RETURN:
		s = syn_new_stmt(p, STMT_RETURN, p->off);
		syn_next(p);
		if (p->tok != TOK_SEMICOLON && p->tok != TOK_RBRACE)
			s->ret.results = syn_expr_list(p);
		break;
	case TOK_SEMICOLON:
		s = syn_new_stmt(p, STMT_EMPTY, p->off);
		s->empty.semi = p->off;
		s->empty.implicit = p->implicit;
		break;
	default:
		break;
	}
	syn_leave(p);
	return s;
}

/* StatementList = { Statement ";" } . */
static StmtList stmt_list(Parser *p)
{
	size_t m = syn_mark(p);
	while (p->tok != TOK_EOF && p->tok != TOK_RBRACE && p->tok != TOK_CASE && p->tok != TOK_DEFAULT &&
	       !p->bailed) {
		Stmt *s = stmt_or_nil(p);
		if (!s)
			break;
		syn_push(p, s);
		if (!syn_got(p, TOK_SEMICOLON) && p->tok != TOK_RBRACE) {
			syn_syntax_error(p, "at end of statement");
			ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE, TOK_CASE, TOK_DEFAULT);
			syn_got(p, TOK_SEMICOLON);
		}
	}
	return syn_take_stmts(p, m);
}

/* Block = "{" StatementList "}" . */
Stmt *syn_block(Parser *p, const char *context)
{
	Stmt *b = syn_new_stmt(p, STMT_BLOCK, p->off);
	b->block.rbrace = SYN_NOPOS;
	if (!syn_got(p, TOK_LBRACE)) {
		char msg[64];
		snprintf(msg, sizeof msg, "expected { after %s", context);
		syn_syntax_error(p, msg);
		ADVANCE(p, TOK_IDENT, TOK_RBRACE);
		if (p->tok == TOK_RBRACE) {
			b->block.rbrace = p->off;
			syn_next(p);
			return b;
		}
	}
	b->block.list = stmt_list(p);
	b->block.rbrace = p->off;
	syn_want(p, TOK_RBRACE);
	return b;
}

/* FunctionBody = Block . */
Stmt *syn_func_body(Parser *p)
{
	p->fnest++;
	Stmt *b = syn_block(p, "");
	p->fnest--;
	return b;
}
