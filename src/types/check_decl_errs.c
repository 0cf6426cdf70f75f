/*
 * check_decl_errs.c: errors of declarations, as types2 (gc) words and places them:
 * redeclarations (package and local scopes, struct fields, interface methods, methods of a
 * type, fields named like methods), init and main, receivers, missing function bodies,
 * `:=` without new variables.
 *
 * Multi-part errors print their other parts on continuation lines, as types2 does:
 * "x redeclared in this block\n\tFILE:LINE:COL: other declaration of x". Every check here
 * stays silent when a type it needs is unknown (NULL or invalid).
 */
#include "types/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *check_pos_str(Checker *c, Pos p)
{
	SrcFile *f = srcfile_get(p.file);
	if (!f)
		return "?";
	LineCol lc = srcfile_linecol(f, p.off);
	size_t n = strlen(f->path) + 32;
	char *s = arena_alloc(c->a, n);
	snprintf(s, n, "%s:%u:%u", f->path, lc.line, lc.col);
	return s;
}

/* One rewrite of a package path to what types2 prints for it. */
typedef struct PathRw {
	const char *path;
	const char *name; /* "" for the package being checked */
} PathRw;

static bool ident_char(char ch) { return ch == '_' || ch == '/' || ch == '.' || ch == '-' || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z') || (unsigned char)ch >= 0x80; }

/* types.TypeString with types2's qualifier: the checked package's names bare, others by
 * package name (TypeString qualifies by path: the paths are rewritten). */
const char *check_tstr(Checker *c, Type *t) { return check_type_str(c, t); }

/* Rewrites the package paths of a TypeString-like text as types2's qualifier prints them. */
const char *check_qualify(Checker *c, const char *full)
{
	Vec(PathRw) rw = {0};
	PathRw self = {c->pkg->path, ""};
	vec_push(&rw, self);
	for (size_t i = 0; i < c->imports.len; i++) {
		Package *ip = c->imports.data[i]->pkgname.imported;
		if (ip && ip->name) {
			PathRw r = {ip->path, ip->name->s};
			vec_push(&rw, r);
		}
	}
	TypesBuf b = {0};
	for (const char *p = full; *p;) {
		bool done = false;
		if (p == full || !ident_char(p[-1])) {
			size_t best = 0;
			const char *bname = NULL;
			for (size_t i = 0; i < rw.len; i++) {
				size_t n = strlen(rw.data[i].path);
				if (n > best && strncmp(p, rw.data[i].path, n) == 0 && p[n] == '.') {
					best = n;
					bname = rw.data[i].name;
				}
			}
			if (bname) {
				for (const char *q = bname; *q; q++)
					vec_push(&b, *q);
				if (*bname)
					vec_push(&b, '.');
				p += best + 1;
				done = true;
			}
		}
		if (!done)
			vec_push(&b, *p++);
	}
	char *out = arena_strndup(c->a, b.data ? b.data : "", b.len);
	vec_free(&b);
	vec_free(&rw);
	return out;
}

/* syntax.StartPos: where types2 reports an error at an expression (gc's positions, moving
 * left through operands, callees, selectors, indexes, assertions, keys and literal types). */
uint32_t check_start_pos(Expr *e)
{
	for (int i = 0; e && i < 10000; i++) {
		switch (e->kind) {
		case EXPR_COMPOSITE_LIT:
			if (!e->composite.type)
				return e->pos;
			e = e->composite.type;
			break;
		case EXPR_KEY_VALUE: e = e->kv.key; break;
		case EXPR_SELECTOR: e = e->selector.x; break;
		case EXPR_INDEX:
		case EXPR_INDEX_LIST: e = e->index.x; break;
		case EXPR_TYPE_ASSERT: e = e->assert.x; break;
		case EXPR_BINARY: e = e->binary.x; break;
		case EXPR_CALL: e = e->call.fun; break;
		case EXPR_BAD: case EXPR_IDENT: case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_FUNC_LIT: case EXPR_PAREN:
		case EXPR_SLICE: case EXPR_STAR: case EXPR_UNARY: case EXPR_ARRAY_TYPE: case EXPR_STRUCT_TYPE: case EXPR_FUNC_TYPE:
		case EXPR_INTERFACE_TYPE: case EXPR_MAP_TYPE: case EXPR_CHAN_TYPE: case EXPR__COUNT:
			return e->pos;
		}
	}
	return e ? e->pos : 0;
}

static bool is_blank(const Name *n) { return !n || (n->len == 1 && n->s[0] == '_'); }

/* t and every type it is built from are known (no invalid type inside). */
bool check_type_known(Type *t, int depth)
{
	if (!t || t == check_invalid() || depth > 50)
		return false;
	switch (t->kind) {
	case TY_POINTER: return check_type_known(t->pointer.elem, depth + 1);
	case TY_SLICE: return check_type_known(t->slice.elem, depth + 1);
	case TY_ARRAY: return t->array.len >= 0 && check_type_known(t->array.elem, depth + 1);
	case TY_MAP: return check_type_known(t->map.key, depth + 1) && check_type_known(t->map.elem, depth + 1);
	case TY_CHAN: return check_type_known(t->chan.elem, depth + 1);
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.vars.len; i++)
			if (!check_type_known(t->tuple.vars.data[i]->type, depth + 1))
				return false;
		return true;
	case TY_SIGNATURE: return check_type_known(t->sig.params, depth + 1) && check_type_known(t->sig.results, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++)
			if (!check_type_known(t->strct.fields.data[i]->type, depth + 1))
				return false;
		return true;
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.len; i++)
			if (!check_type_known(t->named.targs.data[i], depth + 1))
				return false;
		return true;
	case TY_ALIAS:
		for (uint32_t i = 0; i < t->alias.targs.len; i++)
			if (!check_type_known(t->alias.targs.data[i], depth + 1))
				return false;
		return true;
	case TY_BASIC:
	case TY_INTERFACE:
	case TY_UNION:
	case TY_TYPEPARAM:
	case TY_COUNT:
		return true;
	}
	return true;
}

void check_redeclared(Checker *c, Object *obj, Object *alt)
{
	if (!obj || !alt || !obj->name)
		return;
	if (alt->pos.file)
		check_errorf(c, obj->pos.file, obj->pos.off, "%s redeclared in this block\n\t%s: other declaration of %s", obj->name->s,
		             check_pos_str(c, alt->pos), obj->name->s);
	else
		check_errorf(c, obj->pos.file, obj->pos.off, "%s redeclared in this block", obj->name->s);
}

void check_declare_local(Checker *c, Scope *s, Object *obj)
{
	Object *alt = types_scope_insert(s, obj);
	if (alt && alt != obj)
		check_redeclared(c, obj, alt);
}

/* A package-level non-function object named init (or main in package main). */
bool check_pkg_name_ok(Checker *c, uint32_t file, Expr *id)
{
	if (!id || id->kind != EXPR_IDENT)
		return true;
	const char *n = id->ident.name->s;
	if (strcmp(n, "init") == 0) {
		check_errorf(c, file, id->pos, "cannot declare init - must be func");
		return false;
	}
	if (strcmp(n, "main") == 0 && c->pkg->name && strcmp(c->pkg->name->s, "main") == 0) {
		check_errorf(c, file, id->pos, "cannot declare main - must be func");
		return false;
	}
	return true;
}

static bool has_linkname(SynFile *f)
{
	for (uint32_t i = 0; i < f->ncomments; i++) {
		Comment *cm = &f->comments[i];
		if (cm->len >= 13 && memcmp(f->src->text + cm->off, "//go:linkname", 13) == 0)
			return true;
	}
	return false;
}

/* func init / func main: no type parameters, parameters or results; bodies (gc's noder). */
void check_func_decl_errs(Checker *c, SynFile *f, Decl *d)
{
	uint32_t file = f->src->id;
	Expr *id = d->func.name;
	Expr *ft = d->func.type;
	if (!id || id->kind != EXPR_IDENT || !ft)
		return;
	const char *n = id->ident.name->s;
	bool is_main = strcmp(n, "main") == 0 && c->pkg->name && strcmp(c->pkg->name->s, "main") == 0;
	if (!d->func.recv && strcmp(n, "init") == 0 && !d->func.body)
		check_errorf(c, file, id->pos, "func init must have a body");
	if (!d->func.recv && (strcmp(n, "init") == 0 || is_main)) {
		FieldList *tp = ft->func_type.tparams;
		if (tp && tp->n && tp->list[0]->type)
			check_errorf(c, file, tp->list[0]->names.n ? tp->list[0]->names.v[0]->pos : tp->list[0]->pos,
			             "func %s must have no type parameters", n);
		FieldList *ps = ft->func_type.params, *rs = ft->func_type.results;
		if ((ps && ps->n) || (rs && rs->n))
			check_errorf(c, file, id->pos, "func %s must have no arguments and no return values", n);
	}
	if (d->func.body)
		return;
	if (ft->func_type.tparams && ft->func_type.tparams->n) {
		check_errorf(c, file, d->func.recv ? d->func.recv->opening : id->pos, "generic function is missing function body");
		return;
	}
	if (c->complete && !(!d->func.recv && strcmp(n, "init") == 0) && !has_linkname(f)) {
		Pos p = {file, d->func.recv ? d->func.recv->opening : id->pos};
		vec_push(&c->nobody, p);
	}
}

/* gc reports missing bodies after type checking (noder), only when it found no errors (the
 * package's diagnostics hold its syntax, branch and type errors). */
void check_report_nobody(Checker *c)
{
	if (c->diags->nerrors == 0)
		for (size_t i = 0; i < c->nobody.len; i++)
			check_errorf(c, c->nobody.data[i].file, c->nobody.data[i].off, "missing function body");
	vec_free(&c->nobody);
}

/* Methods of one base type: "method T.M already declared at POS". Returns false for a
 * duplicate (not to be added). */
bool check_method_unique(Checker *c, Type *base, Object *m)
{
	if (!base || base->kind != TY_NAMED || is_blank(m->name))
		return true;
	ObjList ms = base->named.methods;
	for (uint32_t i = 0; i < ms.len; i++) {
		Object *alt = ms.data[i];
		if (alt->name == m->name) {
			check_errorf(c, m->pos.file, m->pos.off, "method %s.%s already declared at %s", base->named.obj->name->s, m->name->s,
			             check_pos_str(c, alt->pos));
			return false;
		}
	}
	return true;
}

/* A named struct type whose field is named like one of its methods (types2 reports at the
 * method, the field as the other declaration). */
void check_field_method_clash(Checker *c, Type *named)
{
	if (!named || named->kind != TY_NAMED || named->named.obj->pkg != c->pkg)
		return;
	ObjList ms = named->named.methods;
	if (!ms.len || !named->named.fromrhs)
		return;
	Type *u = types_under(named);
	if (!u || u->kind != TY_STRUCT)
		return;
	for (uint32_t i = 0; i < u->strct.fields.len; i++) {
		Object *fld = u->strct.fields.data[i];
		if (is_blank(fld->name))
			continue;
		for (uint32_t k = 0; k < ms.len; k++)
			if (ms.data[k]->name == fld->name) {
				check_errorf(c, ms.data[k]->pos.file, ms.data[k]->pos.off,
				             "field and method with the same name %s\n\t%s: other declaration of %s", fld->name->s,
				             check_pos_str(c, fld->pos), fld->name->s);
				break;
			}
	}
}

/* Struct fields: "a redeclared" (blank fields excepted). */
void check_field_unique(Checker *c, Object **fields, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		Object *f = fields[i];
		if (is_blank(f->name))
			continue;
		for (uint32_t k = 0; k < i; k++)
			if (fields[k]->name == f->name) {
				check_errorf(c, f->pos.file, f->pos.off, "%s redeclared\n\t%s: other declaration of %s", f->name->s,
				             check_pos_str(c, fields[k]->pos), f->name->s);
				break;
			}
	}
}

/* Explicitly declared interface methods: "duplicate method M". */
void check_iface_method_unique(Checker *c, Object **ms, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		Object *m = ms[i];
		if (is_blank(m->name))
			continue;
		for (uint32_t k = 0; k < i; k++)
			if (ms[k]->name == m->name) {
				check_errorf(c, m->pos.file, m->pos.off, "duplicate method %s\n\t%s: other declaration of method %s", m->name->s,
				             check_pos_str(c, ms[k]->pos), m->name->s);
				break;
			}
	}
}

/* x, y := ...: at least one new non-blank variable (types2 shortVarDecl). */
void check_short_var_new(Checker *c, uint32_t file, Stmt *s)
{
	ExprList lhs = s->assign.lhs;
	bool anynew = false;
	for (uint32_t i = 0; i < lhs.n; i++) {
		Expr *l = lhs.v[i];
		if (l->kind != EXPR_IDENT)
			return; /* "non-name on left side": not ours */
		if (is_blank(l->ident.name))
			continue;
		for (uint32_t k = 0; k < i; k++)
			if (lhs.v[k]->kind == EXPR_IDENT && lhs.v[k]->ident.name == l->ident.name)
				return; /* repeated: another error */
		if (!types_scope_lookup(c->scope, l->ident.name))
			anynew = true;
	}
	if (!anynew)
		check_errorf(c, file, s->pos, "no new variables on left side of :=");
}

/* The receiver's type (types2 validRecv): rbase is the receiver type without one '*'. */
void check_recv_type(Checker *c, uint32_t file, Expr *rtype, Object *base_obj)
{
	Expr *e = syn_unparen(rtype);
	bool ptr = false;
	if (e->kind == EXPR_STAR) {
		ptr = true;
		e = syn_unparen(e->star.x);
	}
	uint32_t at = check_start_pos(e);
	if (base_obj) {
		if (base_obj->kind != OBJ_TYPENAME || !base_obj->type)
			return;
		Type *t = types_unalias(base_obj->type);
		if (!t || t == check_invalid())
			return;
		if (t->kind == TY_BASIC) {
			check_errorf(c, file, at, "cannot define new methods on non-local type %s", check_tstr(c, base_obj->type));
			return;
		}
		if (t->kind != TY_NAMED)
			return; /* a generic alias, a type parameter...: not checked */
		if (t->named.obj->pkg != c->pkg) {
			check_errorf(c, file, at, "cannot define new methods on non-local type %s", check_tstr(c, base_obj->type));
			return;
		}
		Expr *rb = e;
		uint32_t nrt = 0;
		if (rb->kind == EXPR_INDEX || rb->kind == EXPR_INDEX_LIST) {
			nrt = rb->index.indices.n;
			rb = syn_unparen(rb->index.x);
		}
		if (t->named.tparams.len && t->named.orig == t && check_tparams_known(t)) {
			if (nrt == 0) {
				check_errorf(c, file, check_start_pos(rb), "cannot use generic type %s without instantiation", check_tstr(c, t));
				return;
			}
			if (nrt != t->named.tparams.len) {
				check_errorf(c, file, check_start_pos(rb), "receiver declares %u type parameter%s, but receiver base type declares %u", nrt,
				             nrt == 1 ? "" : "s", t->named.tparams.len);
				return;
			}
		}
		if (!t->named.fromrhs)
			return;
		Type *u = types_under(t);
		const char *cause = NULL;
		if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
			cause = "pointer or interface type";
		else if (u->kind == TY_BASIC && u->basic.kind == BK_UNSAFE_POINTER)
			cause = "unsafe.Pointer";
		if (cause)
			check_errorf(c, file, at, "invalid receiver type %s (%s)", check_tstr(c, base_obj->type), cause);
		return;
	}
	/* not a (possibly instantiated) type name: **T, []T, func()... */
	if (e->kind == EXPR_IDENT || e->kind == EXPR_INDEX || e->kind == EXPR_INDEX_LIST)
		return;
	if (e->kind == EXPR_SELECTOR) { /* pkg.T */
		bool rec = c->record;
		c->record = false;
		Type *t = check_typexpr(c, file, e);
		c->record = rec;
		Type *u = t ? types_unalias(t) : NULL;
		if (u && u->kind == TY_NAMED && u->named.obj->pkg && u->named.obj->pkg != c->pkg)
			check_errorf(c, file, at, "cannot define new methods on non-local type %s", check_tstr(c, t));
		return;
	}
	bool rec = c->record;
	c->record = false;
	Type *t = check_typexpr(c, file, rtype);
	c->record = rec;
	if (!t || t == check_invalid() || !check_type_known(t, 0))
		return;
	(void)ptr;
	check_errorf(c, file, at, "invalid receiver type %s", check_tstr(c, t));
}

/* Names, literals and operators only: an expression whose non-constant value is certain
 * (calls and literals may be non-constant only because a type is invalid). */
static bool plain_expr(Expr *e, int depth)
{
	if (!e || depth > 100)
		return false;
	switch (e->kind) {
	case EXPR_IDENT:
	case EXPR_BASIC_LIT: return true;
	case EXPR_PAREN: return plain_expr(e->paren.x, depth + 1);
	case EXPR_SELECTOR: return plain_expr(e->selector.x, depth + 1);
	case EXPR_UNARY: return plain_expr(e->unary.x, depth + 1);
	case EXPR_BINARY: return plain_expr(e->binary.x, depth + 1) && plain_expr(e->binary.y, depth + 1);
	case EXPR_BAD: case EXPR_ELLIPSIS: case EXPR_FUNC_LIT: case EXPR_COMPOSITE_LIT: case EXPR_INDEX: case EXPR_INDEX_LIST:
	case EXPR_SLICE: case EXPR_TYPE_ASSERT: case EXPR_CALL: case EXPR_STAR: case EXPR_KEY_VALUE: case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE: case EXPR_FUNC_TYPE: case EXPR_INTERFACE_TYPE: case EXPR_MAP_TYPE: case EXPR_CHAN_TYPE: case EXPR__COUNT:
		return false;
	}
	return false;
}

/* types2 arrayLength: the length of an array type, -1 when invalid (reported). */
int64_t check_array_len(Checker *c, uint32_t file, Expr *e)
{
	Expr *u = e;
	if (u->kind == EXPR_IDENT) {
		Object *o = check_lookup(c, u->ident.name);
		if (!o) {
			check_errorf(c, file, u->pos, "undefined array length %s or missing type constraint", u->ident.name->s);
			return -1;
		}
		if (o->kind != OBJ_CONST) {
			check_errorf(c, file, u->pos, "invalid array length %s", u->ident.name->s);
			return -1; /* not evaluated (nor recorded, nor used) */
		}
	}
	Operand x;
	check_expr(c, file, e, &x, NULL);
	if (x.mode != OP_CONST) {
		if ((x.mode == OP_VAR || x.mode == OP_VALUE) && x.type && x.type != check_invalid() && plain_expr(e, 0)) {
			const char *os = check_opstr(c, file, e, &x);
			if (os)
				check_errorf(c, file, check_start_pos(e), "array length %s must be constant", os);
		}
		return -1;
	}
	if (!x.val || !x.type || x.type == check_invalid())
		return -1;
	bool integer = types_is_integer(x.type);
	if (types_is_untyped(x.type) || integer) {
		ConstVal *v = const_to_int(c->a, x.val);
		if (v && v->kind == CK_INT) {
			bool exact = false;
			int64_t n = const_int64_val(v, &exact);
			if (exact && n >= 0)
				return n;
		}
	}
	const char *os = check_opstr(c, file, e, &x);
	if (os)
		check_errorf(c, file, check_start_pos(e), integer ? "invalid array length %s" : "array length %s must be integer", os);
	return -1;
}

/* Names declared both in a file scope (imports) and in the package scope (types2 resolver). */
void check_pkg_file_conflicts(Checker *c)
{
	for (uint32_t i = 0; i < c->nfiles; i++) {
		Scope *fs = c->fscopes[i];
		for (uint32_t k = 0; fs && k < fs->len; k++) {
			Object *o = fs->elems[k];
			if (o->kind != OBJ_PKGNAME || !o->pkgname.imported)
				continue;
			Object *alt = types_scope_lookup(c->pkg->scope, o->name);
			if (!alt || !alt->pos.file)
				continue;
			Package *ip = o->pkgname.imported;
			check_errorf(c, alt->pos.file, alt->pos.off, "%s already declared through import of package %s (\"%s\")\n\t%s: other declaration of %s",
			             alt->name->s, ip->name ? ip->name->s : "?", ip->path, check_pos_str(c, o->pos), alt->name->s);
		}
	}
}

/* types2 arity: names without values and values without names in const and var specs
 * (inherited: a constant spec repeating the previous values). */
void check_init_arity(Checker *c, uint32_t file, Spec *s, bool is_const, ExprList inits, bool inherited)
{
	uint32_t l = s->value.names.n, r = inits.n;
	if (l < r) {
		Expr *n = inits.v[l];
		if (inherited)
			check_errorf(c, file, s->pos, "extra init expr at %s", check_pos_str(c, (Pos){file, n->pos}));
		else
			check_errorf(c, file, check_start_pos(n), "extra init expr %s", check_expr_str(c, n));
	} else if (l > r && r > 0 && (is_const || r != 1)) {
		Expr *n = s->value.names.v[r];
		if (n->kind == EXPR_IDENT)
			check_errorf(c, file, n->pos, "missing init expr for %s", n->ident.name->s);
	}
}
