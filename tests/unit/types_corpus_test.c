/*
 * The C side of the type representation differential test (tests/types/run.sh).
 *
 *   types_corpus_test CORPUS.go ORACLE.txt
 *
 * reads the one-declaration-per-line corpus, builds every declared type through the
 * src/types API with a tiny parser for the corpus' restricted Go type syntax (no expressions
 * beyond integer array lengths), and prints one "ok"/"FAIL" line per declaration comparing
 * TypeString, gc amd64 size, alignment, field offsets and method sets with the oracle's
 * output (tests/oracle/typestring). Imported packages are stand-ins with the real paths:
 * io.Reader/io.Writer and sync/atomic.Int32/Int64 modelled exactly, net/http.Request as an
 * empty struct (lines marked "// nosize" skip size checks).
 * Without arguments it does nothing (the unit runner calls it so).
 */
#include "base/base.h"
#define check_failures check_failures_unused __attribute__((unused))
#include "check.h"
#undef check_failures
#include "types/const.h"
#include "types/types.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static Interner in;
static Arena A;
static Package *pkg, *pkg_io, *pkg_http, *pkg_atomic;

static Name *nm(const char *s) { return intern_cstr(&in, s); }
static Name *nmn(const char *s, size_t n) { return intern(&in, s, n); }

/* ---- lexer over one line ---- */

typedef enum { T_EOF, T_IDENT, T_INT, T_STRING, T_PUNCT } TokKind;
typedef struct {
	TokKind k;
	const char *s;
	size_t n;
} Tok;

typedef struct {
	const char *p, *end;
	Tok tok;
	Scope *scope; /* type parameter scope chained to the package scope */
	bool err;
} P;

static void next(P *p)
{
	while (p->p < p->end && isspace((unsigned char)*p->p)) p->p++;
	if (p->p >= p->end || (p->p[0] == '/' && p->p + 1 < p->end && p->p[1] == '/')) {
		p->tok = (Tok){T_EOF, p->p, 0};
		return;
	}
	const char *s = p->p;
	if (isalpha((unsigned char)*s) || *s == '_') {
		while (p->p < p->end && (isalnum((unsigned char)*p->p) || *p->p == '_')) p->p++;
		p->tok = (Tok){T_IDENT, s, (size_t)(p->p - s)};
	} else if (isdigit((unsigned char)*s)) {
		while (p->p < p->end && isalnum((unsigned char)*p->p)) p->p++;
		p->tok = (Tok){T_INT, s, (size_t)(p->p - s)};
	} else if (*s == '"' || *s == '`') {
		char q = *s;
		p->p++;
		while (p->p < p->end && *p->p != q) p->p += (*p->p == '\\' && q == '"') ? 2 : 1;
		p->p++;
		p->tok = (Tok){T_STRING, s, (size_t)(p->p - s)};
	} else {
		static const char *const multi[] = {"...", "<-", "<<", NULL};
		for (int i = 0; multi[i]; i++) {
			size_t l = strlen(multi[i]);
			if ((size_t)(p->end - s) >= l && memcmp(s, multi[i], l) == 0) {
				p->p += l;
				p->tok = (Tok){T_PUNCT, s, l};
				return;
			}
		}
		p->p++;
		p->tok = (Tok){T_PUNCT, s, 1};
	}
}

static bool is(P *p, const char *s) { return p->tok.n == strlen(s) && memcmp(p->tok.s, s, p->tok.n) == 0 && p->tok.k != T_STRING; }
static bool accept(P *p, const char *s) { if (is(p, s)) { next(p); return true; } return false; }
static void expect(P *p, const char *s)
{
	if (!accept(p, s)) {
		if (!p->err) fprintf(stderr, "corpus: expected %s at '%.20s'\n", s, p->tok.s);
		p->err = true;
	}
}

static P save(P *p) { return *p; }

/* ---- types ---- */

static Type *parse_type(P *p);
static Type *parse_sig(P *p, bool allow_tparams);

static Package *import_pkg(Name *n)
{
	if (strcmp(n->s, "io") == 0) return pkg_io;
	if (strcmp(n->s, "http") == 0) return pkg_http;
	if (strcmp(n->s, "atomic") == 0) return pkg_atomic;
	if (strcmp(n->s, "unsafe") == 0) return types_unsafe;
	return NULL;
}

static Type *type_args(P *p, Type *g)
{
	Type *args[16];
	uint32_t n = 0;
	expect(p, "[");
	while (!is(p, "]") && !p->err && n < 16) {
		args[n++] = parse_type(p);
		if (!accept(p, ",")) break;
	}
	expect(p, "]");
	return types_instantiate(&A, g, args, n);
}

static Type *type_name(P *p)
{
	Name *n = nmn(p->tok.s, p->tok.n);
	next(p);
	Object *o;
	if (accept(p, ".")) {
		Package *ip = import_pkg(n);
		Name *m = nmn(p->tok.s, p->tok.n);
		next(p);
		o = ip ? types_scope_lookup(ip->scope, m) : NULL;
	} else {
		o = types_scope_lookup_parent(p->scope, n, (Pos){0, 0}, NULL);
	}
	if (!o || o->kind != OBJ_TYPENAME) {
		fprintf(stderr, "corpus: unknown type %s\n", n->s);
		p->err = true;
		return types_typ[BK_INVALID];
	}
	Type *t = o->type;
	if (is(p, "[") && types_is_generic(t)) return type_args(p, t);
	return t;
}

static bool starts_type(P *p)
{
	if (p->tok.k == T_IDENT) return true;
	return is(p, "*") || is(p, "[") || is(p, "(") || is(p, "<-") || is(p, "...");
}

/* Parameter list "(...)": returns a tuple; *variadic for a final ...T. */
static Type *param_list(P *p, bool *variadic, VarKind vk)
{
	Name *names[32];
	Type *types[32];
	bool has_name[32];
	int n = 0;
	bool any_named = false;
	*variadic = false;
	expect(p, "(");
	while (!is(p, ")") && !p->err && n < 32) {
		names[n] = NULL;
		has_name[n] = false;
		bool dots = false;
		bool bare = false;
		if (p->tok.k == T_IDENT) {
			P s = save(p);
			Name *id = nmn(p->tok.s, p->tok.n);
			next(p);
			if (!is(p, ",") && !is(p, ")") && !is(p, ".") && starts_type(p)) {
				names[n] = id;
				has_name[n] = true;
				any_named = true;
			} else if (is(p, ",") || is(p, ")")) {
				names[n] = id; /* a name or a type: decided below */
				bare = true;
			} else {
				*p = s;
			}
		}
		if (!bare && accept(p, "...")) dots = true;
		types[n] = bare ? NULL : parse_type(p);
		if (dots) {
			types[n] = types_new_slice(&A, types[n]);
			*variadic = true;
		}
		n++;
		if (!accept(p, ",")) break;
	}
	expect(p, ")");
	Object *vars[32];
	if (any_named) {
		/* "a, b int": bare identifiers are names sharing the next type */
		Type *cur = NULL;
		for (int i = n - 1; i >= 0; i--) {
			if (has_name[i]) cur = types[i];
			else types[i] = cur;
		}
	} else {
		for (int i = 0; i < n; i++) {
			if (types[i]) continue;
			Object *o = types_scope_lookup_parent(p->scope, names[i], (Pos){0, 0}, NULL);
			types[i] = o && o->kind == OBJ_TYPENAME ? o->type : types_typ[BK_INVALID];
			names[i] = NULL;
		}
	}
	for (int i = 0; i < n; i++) vars[i] = types_new_var(&A, vk, pkg, (Pos){0, 0}, names[i], types[i]);
	return types_new_tuple(&A, vars, (uint32_t)n);
}

static Type *parse_sig(P *p, bool allow_tparams)
{
	(void)allow_tparams;
	bool variadic, dummy;
	Type *params = param_list(p, &variadic, VK_PARAM);
	Type *results = NULL;
	if (is(p, "(")) {
		results = param_list(p, &dummy, VK_RESULT);
	} else if (starts_type(p)) {
		Type *r = parse_type(p);
		Object *v = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, r);
		results = types_new_tuple(&A, &v, 1);
	} else if (is(p, "map") || is(p, "chan") || is(p, "func")) {
		Type *r = parse_type(p);
		Object *v = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, r);
		results = types_new_tuple(&A, &v, 1);
	}
	return types_new_signature(&A, NULL, params, results, variadic);
}

static char *tag_text(Tok t)
{
	ConstVal *v = const_from_literal(&A, t.s, t.n, 's');
	return v->kind == CK_STRING ? (char *)v->str.s : NULL;
}

static Type *struct_type(P *p)
{
	Object *fields[64];
	const char *tags[64];
	uint32_t n = 0;
	expect(p, "{");
	while (!is(p, "}") && !p->err && n < 60) {
		uint32_t first = n;
		bool embedded = false;
		if (is(p, "*")) {
			embedded = true;
		} else {
			P s = save(p);
			Object *o = types_scope_lookup_parent(p->scope, nmn(p->tok.s, p->tok.n), (Pos){0, 0}, NULL);
			next(p);
			embedded = is(p, ";") || is(p, "}") || is(p, ".") || p->tok.k == T_STRING ||
			           (is(p, "[") && o && o->kind == OBJ_TYPENAME && types_is_generic(o->type));
			*p = s;
		}
		if (embedded) {
			Type *t = parse_type(p);
			Type *b = types_unalias(t)->kind == TY_POINTER ? types_unalias(t)->pointer.elem : t;
			Object *tn = types_type_obj(b);
			fields[n++] = types_new_field(&A, pkg, (Pos){0, 0}, tn ? tn->name : NULL, t, true);
		} else {
			Name *names[16];
			int k = 0;
			do {
				names[k++] = nmn(p->tok.s, p->tok.n);
				next(p);
			} while (accept(p, ",") && k < 16);
			Type *t = parse_type(p);
			for (int i = 0; i < k; i++) fields[n++] = types_new_field(&A, pkg, (Pos){0, 0}, names[i], t, false);
		}
		const char *tag = NULL;
		if (p->tok.k == T_STRING) {
			tag = tag_text(p->tok);
			next(p);
		}
		for (uint32_t i = first; i < n; i++) tags[i] = tag;
		if (!accept(p, ";")) break;
	}
	expect(p, "}");
	return types_new_struct(&A, fields, tags, n);
}

/* One interface element: method, or a union of terms / embedded type. */
static Type *term_list(P *p)
{
	Term terms[16];
	uint32_t n = 0;
	do {
		bool tilde = accept(p, "~");
		terms[n].tilde = tilde;
		terms[n].type = parse_type(p);
		n++;
	} while (accept(p, "|") && n < 16);
	if (n == 1 && !terms[0].tilde) return terms[0].type;
	return types_new_union(&A, terms, n);
}

static Type *interface_type(P *p)
{
	Object *methods[32];
	Type *embs[32];
	uint32_t nm_ = 0, ne = 0;
	expect(p, "{");
	while (!is(p, "}") && !p->err && nm_ < 32 && ne < 32) {
		P s = save(p);
		if (p->tok.k == T_IDENT) {
			Name *n = nmn(p->tok.s, p->tok.n);
			next(p);
			if (is(p, "(")) {
				Type *sig = parse_sig(p, false);
				methods[nm_++] = types_new_func(&A, pkg, (Pos){0, 0}, n, sig);
				if (!accept(p, ";")) break;
				continue;
			}
			*p = s;
		}
		embs[ne++] = term_list(p);
		if (!accept(p, ";")) break;
	}
	expect(p, "}");
	Type *it = types_new_interface(&A, methods, nm_, embs, ne);
	/* method receivers are the interface (as go/types sets them) */
	for (uint32_t i = 0; i < nm_; i++)
		methods[i]->type->sig.recv = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, NULL, it);
	return it;
}

static Type *parse_type(P *p)
{
	if (p->err) return types_typ[BK_INVALID];
	if (accept(p, "*")) return types_new_pointer(&A, parse_type(p));
	if (accept(p, "(")) {
		Type *t = parse_type(p);
		expect(p, ")");
		return t;
	}
	if (accept(p, "[")) {
		if (accept(p, "]")) return types_new_slice(&A, parse_type(p));
		long long n = strtoll(p->tok.s, NULL, 0);
		next(p);
		if (accept(p, "<<")) {
			n <<= strtoll(p->tok.s, NULL, 0);
			next(p);
		}
		expect(p, "]");
		return types_new_array(&A, parse_type(p), n);
	}
	if (accept(p, "map")) {
		expect(p, "[");
		Type *k = parse_type(p);
		expect(p, "]");
		return types_new_map(&A, k, parse_type(p));
	}
	if (accept(p, "chan")) {
		if (accept(p, "<-")) return types_new_chan(&A, CHAN_SEND, parse_type(p));
		return types_new_chan(&A, CHAN_SEND_RECV, parse_type(p));
	}
	if (accept(p, "<-")) {
		expect(p, "chan");
		return types_new_chan(&A, CHAN_RECV, parse_type(p));
	}
	if (accept(p, "func")) return parse_sig(p, false);
	if (accept(p, "struct")) return struct_type(p);
	if (accept(p, "interface")) return interface_type(p);
	if (p->tok.k == T_IDENT) return type_name(p);
	fprintf(stderr, "corpus: unexpected '%.10s'\n", p->tok.s);
	p->err = true;
	return types_typ[BK_INVALID];
}

/* "[P, Q any, R ~int]": declares type parameters in a new scope. */
static TypeList tparam_list(P *p)
{
	Type *tps[16];
	uint32_t n = 0, pending = 0;
	p->scope = types_new_scope(&A, p->scope, (Pos){0, 0}, (Pos){0, 0}, "tparams");
	/* declare every parameter first: bounds may refer to later ones ([S ~[]E, E any]) */
	{
		P s = save(p);
		int depth = 0;
		bool at_name = false;
		do {
			if (depth == 1 && at_name && s.tok.k == T_IDENT) {
				Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nmn(s.tok.s, s.tok.n), NULL);
				tps[n++] = types_new_typeparam(&A, o, NULL);
				types_scope_insert(p->scope, o);
			}
			at_name = is(&s, "[") || is(&s, ",");
			if (is(&s, "[") || is(&s, "(") || is(&s, "{")) depth++;
			if (is(&s, "]") || is(&s, ")") || is(&s, "}")) depth--;
			next(&s);
		} while (depth > 0 && s.tok.k != T_EOF && n < 16);
	}
	uint32_t total = n;
	n = 0;
	expect(p, "[");
	while (!is(p, "]") && !p->err && n < total) {
		next(p);
		n++;
		pending++;
		if (accept(p, ",")) continue;
		Type *b = term_list(p);
		if (types_under(b)->kind != TY_INTERFACE || b->kind == TY_UNION) {
			Type *emb = b;
			b = types_new_interface(&A, NULL, 0, &emb, 1);
			b->iface.implicit = true;
		}
		for (uint32_t i = n - pending; i < n; i++) tps[i]->tparam.bound = b;
		pending = 0;
		if (!accept(p, ",")) break;
	}
	expect(p, "]");
	return (TypeList){arena_memdup(&A, tps, n * sizeof *tps), n};
}

/* After "type NAME": a '[' opens type parameters (not an array or slice length) when an
 * identifier follows that is not directly closed by ']'. */
static bool at_tparams(P *p)
{
	if (!is(p, "[")) return false;
	P s = save(p);
	next(&s);
	if (s.tok.k != T_IDENT) return false;
	next(&s);
	return !is(&s, "]");
}

/* ---- stand-in packages ---- */

static Type *decl_named(Package *pk, const char *name, Type *under)
{
	Object *o = types_new_typename(&A, pk, (Pos){0, 0}, nm(name), NULL);
	Type *t = types_new_named(&A, o, under);
	types_scope_insert(pk->scope, o);
	return t;
}

static Type *parse_in(Package *pk, const char *src)
{
	P p = {src, src + strlen(src), {0}, pk->scope, false};
	Package *save_pkg = pkg;
	pkg = pk;
	next(&p);
	Type *t = parse_type(&p);
	pkg = save_pkg;
	return t;
}

static void make_packages(void)
{
	pkg_io = types_new_package(&A, "io", nm("io"));
	decl_named(pkg_io, "Reader", parse_in(pkg_io, "interface{ Read(p []byte) (n int, err error) }"));
	decl_named(pkg_io, "Writer", parse_in(pkg_io, "interface{ Write(p []byte) (n int, err error) }"));
	pkg_http = types_new_package(&A, "net/http", nm("http"));
	decl_named(pkg_http, "Request", parse_in(pkg_http, "struct{}"));
	pkg_atomic = types_new_package(&A, "sync/atomic", nm("atomic"));
	decl_named(pkg_atomic, "noCopy", parse_in(pkg_atomic, "struct{}"));
	decl_named(pkg_atomic, "align64", parse_in(pkg_atomic, "struct{}"));
	decl_named(pkg_atomic, "Int32", parse_in(pkg_atomic, "struct{ _ noCopy; v int32 }"));
	decl_named(pkg_atomic, "Int64", parse_in(pkg_atomic, "struct{ _ noCopy; _ align64; v int64 }"));
}

/* ---- the corpus ---- */

typedef struct Decl {
	char *line;
	Name *name;
	Object *obj;
	bool is_func, is_method, nosize;
} Decl;

static Vec(Decl) decls;

static void fmt_line(TypesBuf *out, Decl *d)
{
	char buf[256];
	Type *t = d->obj->type;
	Type *actual;
	bool generic = false;
	if (d->is_func) {
		actual = t;
		generic = true;
	} else if (t->kind == TY_ALIAS) {
		actual = types_unalias(t);
		generic = t->alias.tparams.len > 0;
	} else {
		actual = types_under(t);
		generic = t->named.tparams.len > 0;
	}
	char *s1 = types_string(t), *s2 = types_string(actual);
	snprintf(buf, sizeof buf, "%s\t", d->name->s);
	for (char *c = buf; *c; c++) vec_push(out, *c);
	for (char *c = s1; *c; c++) vec_push(out, *c);
	vec_push(out, '\t');
	for (char *c = s2; *c; c++) vec_push(out, *c);
	free(s1);
	free(s2);
	if (generic || d->nosize) {
		snprintf(buf, sizeof buf, "\t-\t-\t-");
	} else {
		snprintf(buf, sizeof buf, "\t%lld\t%lld\t", (long long)types_sizeof(t), (long long)types_alignof(t));
		Type *u = types_under(actual);
		if (u->kind == TY_STRUCT && u->strct.fields.len) {
			size_t l = strlen(buf);
			int64_t offs[64];
			types_offsetsof(u, offs);
			for (uint32_t i = 0; i < u->strct.fields.len && l < sizeof buf - 24; i++)
				l += (size_t)snprintf(buf + l, sizeof buf - l, "%s%lld", i ? "," : "", (long long)offs[i]);
		} else {
			strcat(buf, "-");
		}
	}
	for (char *c = buf; *c; c++) vec_push(out, *c);
	vec_push(out, '\0');
}

static void fmt_mset(TypesBuf *out, Decl *d, bool ptr)
{
	Type *t = d->obj->type;
	if (ptr) t = types_new_pointer(&A, t);
	ObjList ms = types_method_set(&A, t);
	char buf[4096];
	size_t l = (size_t)snprintf(buf, sizeof buf, "%s.mset\t%s\t", d->name->s, ptr ? "*T" : "T");
	for (uint32_t i = 0; i < ms.len && l < sizeof buf - 64; i++)
	{
		char *sig = types_string(ms.data[i]->type);
		l += (size_t)snprintf(buf + l, sizeof buf - l, "%s%s:%s", i ? " " : "", ms.data[i]->name->s, sig);
		free(sig);
	}
	for (char *c = buf; *c; c++) vec_push(out, *c);
	vec_push(out, '\0');
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) return 0;
	intern_init(&in);
	types_universe_init(&in);
	arena_init(&A);
	pkg = types_new_package(&A, "example.com/p", nm("p"));
	make_packages();

	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(argv[1], &text, &len, &msg) != READ_OK) {
		printf("FAIL types-corpus/read: %s: %s\n", argv[1], msg);
		return 1;
	}
	/* pass 1: declare every type name */
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		Decl d = {line, NULL, NULL, false, false, strstr(line, "// nosize") != NULL};
		P p = {line, line + strlen(line), {0}, pkg->scope, false};
		next(&p);
		if (accept(&p, "type")) {
			d.name = nmn(p.tok.s, p.tok.n);
			next(&p);
			while (at_tparams(&p)) {
				/* skip the type parameter list for now */
				int depth = 0;
				do {
					if (is(&p, "[")) depth++;
					if (is(&p, "]")) depth--;
					next(&p);
				} while (depth > 0 && p.tok.k != T_EOF);
			}
			d.obj = types_new_typename(&A, pkg, (Pos){0, 0}, d.name, NULL);
			if (is(&p, "=")) types_new_alias(&A, d.obj, NULL);
			else types_new_named(&A, d.obj, NULL);
			types_scope_insert(pkg->scope, d.obj);
			vec_push(&decls, d);
		} else if (accept(&p, "func")) {
			d.is_func = true;
			d.is_method = is(&p, "(");
			vec_push(&decls, d);
		}
	}
	/* pass 2: type parameters of generic types */
	for (size_t i = 0; i < decls.len; i++) {
		Decl *d = &decls.data[i];
		if (d->is_func) continue;
		P p = {d->line, d->line + strlen(d->line), {0}, pkg->scope, false};
		next(&p);
		next(&p);
		next(&p);
		if (at_tparams(&p)) {
			TypeList tl = tparam_list(&p);
			if (d->obj->type->kind == TY_ALIAS) types_alias_set_tparams(&A, d->obj->type, tl.data, tl.len);
			else types_named_set_tparams(&A, d->obj->type, tl.data, tl.len);
		}
	}
	/* pass 3: right-hand sides, functions and methods */
	int nerr = 0;
	for (size_t i = 0; i < decls.len; i++) {
		Decl *d = &decls.data[i];
		P p = {d->line, d->line + strlen(d->line), {0}, pkg->scope, false};
		next(&p);
		next(&p);
		if (!d->is_func) {
			next(&p);
			Type *t = d->obj->type;
			TypeList tps = t->kind == TY_ALIAS ? t->alias.tparams : t->named.tparams;
			if (tps.len) {
				p.scope = types_new_scope(&A, pkg->scope, (Pos){0, 0}, (Pos){0, 0}, "tparams");
				for (uint32_t k = 0; k < tps.len; k++) types_scope_insert(p.scope, tps.data[k]->tparam.obj);
				int depth = 0;
				do {
					if (is(&p, "[")) depth++;
					if (is(&p, "]")) depth--;
					next(&p);
				} while (depth > 0 && p.tok.k != T_EOF);
			}
			bool alias = accept(&p, "=");
			Type *rhs = parse_type(&p);
			if (alias) t->alias.fromrhs = rhs;
			else types_named_set_underlying(t, rhs);
		} else if (d->is_method) {
			/* func (recv) Name(params) results {} */
			expect(&p, "(");
			Name *rname = NULL;
			if (p.tok.k == T_IDENT) {
				P s = save(&p);
				rname = nmn(p.tok.s, p.tok.n);
				next(&p);
				if (is(&p, ")")) {
					p = s;
					rname = NULL;
				}
			}
			bool ptr = accept(&p, "*");
			/* receiver type, with fresh receiver type parameters for a generic type */
			Name *bn = nmn(p.tok.s, p.tok.n);
			next(&p);
			Type *base = types_scope_lookup(pkg->scope, bn)->type;
			TypeList rparams = {NULL, 0};
			if (is(&p, "[")) {
				Type *rps[16];
				uint32_t nr = 0;
				p.scope = types_new_scope(&A, pkg->scope, (Pos){0, 0}, (Pos){0, 0}, "rparams");
				next(&p);
				while (p.tok.k == T_IDENT && nr < base->named.tparams.len) {
					Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nmn(p.tok.s, p.tok.n), NULL);
					rps[nr] = types_new_typeparam(&A, o, base->named.tparams.data[nr]->tparam.bound);
					rps[nr]->tparam.index = nr;
					nr++;
					types_scope_insert(p.scope, o);
					next(&p);
					if (!accept(&p, ",")) break;
				}
				expect(&p, "]");
				rparams = (TypeList){arena_memdup(&A, rps, nr * sizeof *rps), nr};
			}
			Type *rtype = rparams.len ? types_instantiate(&A, base, rparams.data, rparams.len) : base;
			expect(&p, ")");
			d->name = nmn(p.tok.s, p.tok.n);
			next(&p);
			Type *sig = parse_sig(&p, false);
			sig->sig.recv = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, rname, ptr ? types_new_pointer(&A, rtype) : rtype);
			sig->sig.rparams = rparams;
			d->obj = types_new_func(&A, pkg, (Pos){0, 0}, d->name, sig);
			types_named_add_method(&A, base, d->obj);
		} else {
			d->name = nmn(p.tok.s, p.tok.n);
			next(&p);
			TypeList tl = {NULL, 0};
			if (is(&p, "[")) tl = tparam_list(&p);
			Type *sig = parse_sig(&p, true);
			if (tl.len) types_sig_set_tparams(&A, sig, tl.data, tl.len);
			d->obj = types_new_func(&A, pkg, (Pos){0, 0}, d->name, sig);
			types_scope_insert(pkg->scope, d->obj);
		}
		if (p.err) {
			printf("FAIL types-corpus/parse: %s\n", d->line);
			nerr++;
		}
	}

	/* compare with the oracle */
	char *otext;
	size_t olen;
	if (base_read_file(argv[2], &otext, &olen, &msg) != READ_OK) {
		printf("FAIL types-corpus/oracle: %s: %s\n", argv[2], msg);
		return 1;
	}
	Vec(char *) want = {0};
	for (char *l = strtok(otext, "\n"); l; l = strtok(NULL, "\n")) vec_push(&want, l);
	size_t w = 0, pass = 0, fail = 0;
	for (size_t i = 0; i < decls.len; i++) {
		Decl *d = &decls.data[i];
		if (d->is_method) continue;
		TypesBuf got = {0};
		fmt_line(&got, d);
		const char *exp = w < want.len ? want.data[w++] : "";
		bool ok;
		if (d->nosize) {
			/* compare the first three columns only */
			const char *e = exp;
			for (int k = 0; k < 3 && e; k++) e = strchr(e + 1, '\t');
			size_t n = e ? (size_t)(e - exp) : strlen(exp);
			ok = strncmp(got.data, exp, n) == 0;
		} else {
			ok = strcmp(got.data, exp) == 0;
		}
		if (ok) pass++, printf("ok types-corpus/%s\n", d->name->s);
		else fail++, printf("FAIL types-corpus/%s: got [%s] want [%s]\n", d->name->s, got.data, exp);
		vec_free(&got);
		if (!d->is_func && !types_is_generic(d->obj->type)) {
			if (d->nosize) { w += 2; continue; } /* stand-in types have no real methods */
			for (int ptr = 0; ptr < 2; ptr++) {
				TypesBuf m = {0};
				fmt_mset(&m, d, ptr);
				const char *e = w < want.len ? want.data[w++] : "";
				/* the oracle's line may lack the trailing tab-free empty list */
				size_t el = strlen(e), ml = strlen(m.data);
				bool same = strcmp(m.data, e) == 0 || (ml == el + 1 && m.data[ml - 1] == '\t' && strncmp(m.data, e, el) == 0);
				if (same) pass++, printf("ok types-corpus/%s.mset%s\n", d->name->s, ptr ? "*" : "");
				else fail++, printf("FAIL types-corpus/%s.mset%s: got [%s] want [%s]\n", d->name->s, ptr ? "*" : "", m.data, e);
				vec_free(&m);
			}
		}
	}
	/* ObjectString of every declaration, methods included */
	for (size_t i = 0; i < decls.len; i++) {
		Decl *d = &decls.data[i];
		const char *e = w < want.len ? want.data[w++] : "";
		char *os = types_object_string(d->obj);
		char *line = xasprintf("obj\t%s\t%s", d->name->s, os);
		bool same = strcmp(line, e) == 0 || (d->nosize && strncmp(line, e, strlen(line)) == 0);
		if (same) pass++, printf("ok types-object/%s%s\n", d->name->s, d->is_method ? "(method)" : "");
		else fail++, printf("FAIL types-object/%s: got [%s] want [%s]\n", d->name->s, line, e);
		free(os);
		free(line);
	}
	/* lookups: "look X NAME ADDR RESULT", one result line per X */
	{
		char cur_x[64] = "", bad_first[512] = "";
		size_t nlook = 0, nbad = 0;
		for (; w <= want.len; w++) {
			const char *l = w < want.len ? want.data[w] : NULL;
			char kind[8] = "", x[64] = "", n[64] = "", res[128] = "";
			int addr = 0;
			bool is_look = l && sscanf(l, "%7s %63s %63s %d %127s", kind, x, n, &addr, res) == 5 && strcmp(kind, "look") == 0;
			if (!is_look || strcmp(x, cur_x) != 0) {
				if (cur_x[0]) {
					if (nbad == 0) pass++, printf("ok types-lookup/%s (%zu lookups)\n", cur_x, nlook);
					else fail++, printf("FAIL types-lookup/%s: %zu of %zu differ, first: %s\n", cur_x, nbad, nlook, bad_first);
				}
				if (!is_look) break;
				snprintf(cur_x, sizeof cur_x, "%s", x);
				nlook = nbad = 0;
			}
			Object *o = types_scope_lookup(pkg->scope, nm(x));
			LookupResult r = types_lookup_field_or_method(&A, o->type, addr, pkg, nm(n));
			char got[128];
			if (r.obj) {
				size_t k = (size_t)snprintf(got, sizeof got, "%s:", r.obj->kind == OBJ_FUNC ? "func" : "var");
				for (uint32_t i = 0; i < r.nindex && k < sizeof got - 16; i++)
					k += (size_t)snprintf(got + k, sizeof got - k, "%s%u", i ? "." : "", r.index[i]);
				snprintf(got + k, sizeof got - k, ":%s", r.indirect ? "true" : "false");
			} else {
				snprintf(got, sizeof got, "%s", r.ambiguous ? "ambiguous" : r.needs_addr ? "needsaddr" : "none");
			}
			nlook++;
			if (strcmp(got, res) != 0 && nbad++ == 0)
				snprintf(bad_first, sizeof bad_first, "%s.%s addr=%d got %s want %s", x, n, addr, got, res);
		}
	}
	/* predicates: "cmp X bit" and "pair X Y bits" lines, one result line per X */
	Object *cur = NULL;
	char curname[64] = "", first_bad[512] = "";
	size_t npairs = 0, bad = 0, pairs_ok = 0, pairs_bad = 0;
	for (; w <= want.len; w++) {
		const char *l = w < want.len ? want.data[w] : NULL;
		char kind[8] = "", x[64] = "", y[64] = "", bits[16] = "";
		if (l) {
			if (sscanf(l, "%7s %63s %63s %15s", kind, x, y, bits) < 3) continue;
			if (strcmp(kind, "cmp") == 0) {
				Object *o = types_scope_lookup(pkg->scope, nm(x));
				bool c = o && types_comparable_type(o->type);
				if (o && (y[0] == '1') == c) pass++, printf("ok types-comparable/%s\n", x);
				else fail++, printf("FAIL types-comparable/%s: got %d want %s\n", x, c, y);
				continue;
			}
		}
		if (!l || strcmp(x, curname) != 0) {
			if (curname[0]) {
				if (bad == 0) pass++, pairs_ok += npairs, printf("ok types-pairs/%s (%zu pairs)\n", curname, npairs);
				else fail++, pairs_bad += bad, printf("FAIL types-pairs/%s: %zu of %zu pairs differ, first: %s\n", curname, bad, npairs, first_bad);
			}
			if (!l) break;
			snprintf(curname, sizeof curname, "%s", x);
			cur = types_scope_lookup(pkg->scope, nm(x));
			npairs = bad = 0;
		}
		Object *oy = types_scope_lookup(pkg->scope, nm(y));
		if (!cur || !oy) { bad++; continue; }
		Type *tx = cur->type, *ty = oy->type;
		char got[8];
		got[0] = types_identical(tx, ty) ? '1' : '0';
		got[1] = types_identical_ignore_tags(tx, ty) ? '1' : '0';
		got[2] = types_assignable(tx, ty) ? '1' : '0';
		got[3] = types_convertible(tx, ty) ? '1' : '0';
		if (types_under(ty)->kind == TY_INTERFACE) {
			got[4] = types_implements(tx, ty) ? '1' : '0';
			got[5] = types_satisfies(tx, ty) ? '1' : '0';
		} else {
			got[4] = got[5] = '-';
		}
		got[6] = 0;
		npairs++;
		if (strcmp(got, bits) != 0) {
			if (bad++ == 0) snprintf(first_bad, sizeof first_bad, "%s->%s got %s want %s", x, y, got, bits);
		}
	}
	/* the runtime's view: "ptr NAME size align ptrdata" from the compiled corpus */
	size_t ptr_ok = 0, ptr_bad = 0;
	char *ptext;
	size_t plen;
	if (argc == 4 && base_read_file(argv[3], &ptext, &plen, &msg) == READ_OK) {
		for (char *l = strtok(ptext, "\n"); l; l = strtok(NULL, "\n")) {
			char x[64];
			long long sz, al, pd;
			if (sscanf(l, "ptr %63s %lld %lld %lld", x, &sz, &al, &pd) != 4) continue;
			Object *o = types_scope_lookup(pkg->scope, nm(x));
			bool skip = false;
			for (size_t i = 0; i < decls.len; i++)
				if (decls.data[i].name == nm(x) && decls.data[i].nosize) skip = true;
			if (skip || !o) continue;
			long long gs = types_sizeof(o->type), ga = types_alignof(o->type), gp = types_ptrdata(o->type);
			if (gs == sz && ga == al && gp == pd) ptr_ok++, printf("ok types-runtime/%s\n", x);
			else ptr_bad++, printf("FAIL types-runtime/%s: got %lld %lld %lld want %lld %lld %lld\n", x, gs, ga, gp, sz, al, pd);
		}
	}
	fflush(stdout);
	printf("types-runtime: %zu agree, %zu differ\n", ptr_ok, ptr_bad);
	printf("types-corpus: %zu agree, %zu differ, %d parse errors; pairs: %zu agree, %zu differ\n", pass, fail,
	        nerr, pairs_ok, pairs_bad);
	return 0;
}
