/*
 * Parser unit tests: what the dump does not show. gc's positions of nodes (escape analysis
 * prints them), directives attached to declarations, build constraints, doc comments, and
 * gc's wording of syntax errors (checked against `go build` / gc's parser by hand; the
 * parse-errors suite compares many more against gc's parser itself).
 */
#include "check.h"
#include "syntax/ast.h"

#include <stdlib.h>
#include <string.h>

static Interner names;

typedef struct Parsed {
	SynFile *f;
	Diags diags;
	Arena arena;
} Parsed;

static void parse(Parsed *p, const char *src)
{
	diags_init(&p->diags);
	arena_init(&p->arena);
	SrcFile *sf = srcfile_add("t.go", xstrdup(src), strlen(src));
	p->f = syn_parse_file(sf, &p->arena, &names, &p->diags);
}

static void done(Parsed *p)
{
	diags_free(&p->diags);
	arena_free(&p->arena);
}

/* Offset of the n-th (0-based) occurrence of needle in the source. */
static uint32_t at(const Parsed *p, const char *needle, int n)
{
	const char *s = p->f->src->text;
	const char *q = s;
	for (;;) {
		q = strstr(q, needle);
		if (!q)
			return SYN_NOPOS - 1;
		if (n-- == 0)
			return (uint32_t)(q - s);
		q++;
	}
}

static const char *first_error(const Parsed *p)
{
	return p->diags.list.len ? p->diags.list.data[0].msg : "";
}

static LineCol first_error_pos(const Parsed *p)
{
	LineCol lc = {0, 0};
	if (p->diags.list.len)
		lc = pos_linecol(p->diags.list.data[0].pos);
	return lc;
}

static void test_gc_positions(void)
{
	Parsed p;
	parse(&p, "package p\n\nfunc f() {\n\tx := g(a + b, T{1}, func() {}, s.f, m[k], v.(int))\n\tx++\n\tch <- 1\n}\n");
	CHECK("gc-pos/no-errors", p.diags.nerrors == 0);
	Decl *fn = p.f->decls[0];
	CHECK("gc-pos/funcdecl-is-func", fn->kind == DECL_FUNC && fn->pos == at(&p, "func f", 0));
	Stmt *as = fn->func.body->block.list.v[0];
	CHECK("gc-pos/assign-is-operator", as->kind == STMT_ASSIGN && as->pos == at(&p, ":=", 0));
	Expr *call = as->assign.rhs.v[0];
	CHECK("gc-pos/call-is-lparen", call->kind == EXPR_CALL && call->pos == at(&p, "(a", 0));
	CHECK("gc-pos/call-goast-pos-is-fun", syn_expr_pos(call) == at(&p, "g(", 0));
	Expr *bin = call->call.args.v[0];
	CHECK("gc-pos/binary-is-operator", bin->kind == EXPR_BINARY && bin->pos == at(&p, "+", 0));
	CHECK("gc-pos/binary-goast-pos-is-x", syn_expr_pos(bin) == at(&p, "a +", 0));
	Expr *lit = call->call.args.v[1];
	CHECK("gc-pos/complit-is-lbrace", lit->kind == EXPR_COMPOSITE_LIT && lit->pos == at(&p, "{1}", 0));
	Expr *fl = call->call.args.v[2];
	CHECK("gc-pos/funclit-is-func", fl->kind == EXPR_FUNC_LIT && fl->pos == at(&p, "func()", 0));
	Expr *sel = call->call.args.v[3];
	CHECK("gc-pos/selector-is-dot", sel->kind == EXPR_SELECTOR && sel->pos == at(&p, ".f", 0));
	Expr *idx = call->call.args.v[4];
	CHECK("gc-pos/index-is-lbrack", idx->kind == EXPR_INDEX && idx->pos == at(&p, "[k]", 0));
	Expr *ta = call->call.args.v[5];
	CHECK("gc-pos/assert-is-dot", ta->kind == EXPR_TYPE_ASSERT && ta->pos == at(&p, ".(int)", 0));
	Stmt *inc = fn->func.body->block.list.v[1];
	CHECK("gc-pos/incdec-is-operator", inc->kind == STMT_INC_DEC && inc->pos == at(&p, "++", 0));
	Stmt *send = fn->func.body->block.list.v[2];
	CHECK("gc-pos/send-is-arrow", send->kind == STMT_SEND && send->pos == at(&p, "<-", 0));
	done(&p);
}

static void test_pragmas(void)
{
	Parsed p;
	parse(&p, "//go:build linux\n\n// Package p.\npackage p\n\nimport _ \"embed\"\n\n"
	          "// F is F.\n//go:noinline\n//go:noescape\nfunc F(p *int)\n\n"
	          "func G() {}\n\n//go:linkname h runtime.h\n//go:nosplit\nfunc h()\n\n"
	          "//go:embed a.txt\nvar s string\n");
	CHECK("pragma/no-errors", p.diags.nerrors == 0);
	CHECK("pragma/build", p.f->nbuild == 1 && !strncmp(p.f->src->text + p.f->build[0].off, "//go:build linux", 16));
	CHECK("pragma/file-doc", p.f->doc && p.f->doc->n == 1);
	Decl *F = p.f->decls[1], *G = p.f->decls[2], *h = p.f->decls[3], *s = p.f->decls[4];
	CHECK("pragma/F-flags", F->func.pragmas.flags == (PRAGMA_NOINLINE | PRAGMA_NOESCAPE));
	CHECK("pragma/F-list", F->func.pragmas.n == 2);
	CHECK("pragma/F-doc", F->doc && F->doc->n == 3);
	CHECK("pragma/F-no-body", F->func.body == NULL);
	CHECK("pragma/G-none", G->func.pragmas.flags == 0 && G->func.pragmas.n == 0);
	CHECK("pragma/h-linkname", h->func.pragmas.flags == (PRAGMA_LINKNAME | PRAGMA_NOSPLIT));
	CHECK("pragma/embed-on-spec", s->kind == DECL_GEN && s->gen.specs[0]->pragmas.flags == PRAGMA_EMBED);
	done(&p);
}

static void test_errors(void)
{
	static const struct {
		const char *src, *msg;
		uint32_t line, col;
	} cases[] = {
	    {"package p\nx := 1\n", "syntax error: non-declaration statement outside function body", 2, 1},
	    {"package p\nfunc f() {\n\tx := 1 2\n}\n", "syntax error: unexpected literal 2 at end of statement", 3, 9},
	    {"package p\nfunc f() {\n\tf(a b)\n}\n", "syntax error: unexpected name b in argument list; possibly missing comma or )", 3, 6},
	    {"package p\nfunc f() {\n\tif x {\n}\n", "syntax error: unexpected EOF, expected }", 5, 1},
	    {"package p\nfunc f()\n{\n}\n", "syntax error: unexpected semicolon or newline before {", 3, 1},
	    {"package p\nfunc f() {\n\tif x == 1\n\t{\n\t}\n}\n", "syntax error: unexpected newline, expected { after if clause", 3, 11},
	    {"package p\nfunc f() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n", "syntax error: cannot declare in post statement of for loop", 3, 23},
	    {"package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n", "syntax error: cannot use assignment x = 1 as value", 3, 7},
	    {"package p\nvar x = [...]int{1, 2\n", "syntax error: unexpected newline in composite literal; possibly missing comma or }", 2, 22},
	    {"x\n", "syntax error: package statement must be first", 1, 1},
	    {"package p\nfunc f(a, b int, c) {}\n", "syntax error: missing parameter type", 2, 19},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		Parsed p;
		parse(&p, cases[i].src);
		char name[64];
		snprintf(name, sizeof name, "errors/%zu-message", i);
		CHECK(name, strcmp(first_error(&p), cases[i].msg) == 0);
		if (strcmp(first_error(&p), cases[i].msg) != 0)
			printf("  got: %s\n", first_error(&p));
		LineCol lc = first_error_pos(&p);
		snprintf(name, sizeof name, "errors/%zu-position", i);
		CHECK(name, lc.line == cases[i].line && lc.col == cases[i].col);
		if (!(lc.line == cases[i].line && lc.col == cases[i].col))
			printf("  got: %u:%u\n", lc.line, lc.col);
		done(&p);
	}
}

static void test_deep(void)
{
	/* 200,000 '(' must give an error, not a stack overflow (the default 8 MiB stack here) */
	size_t n = 200000;
	char *src = xmalloc(n + 32);
	strcpy(src, "package p\nvar x = ");
	size_t k = strlen(src);
	memset(src + k, '(', n);
	src[k + n] = 0;
	Parsed p;
	parse(&p, src);
	CHECK("deep/parens-error", p.diags.nerrors > 0);
	done(&p);
	free(src);
}

int main(void)
{
	intern_init(&names);
	test_gc_positions();
	test_pragmas();
	test_errors();
	test_deep();
	intern_free(&names);
	return check_failures ? 1 : 0;
}
