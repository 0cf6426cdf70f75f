/*
 * check.c: package-level declarations and type expressions (go/types resolver.go, decl.go,
 * typexpr.go, signature.go, struct.go, interface.go in part).
 *
 * Package-level objects are collected from every file first (imports go to the file's scope,
 * everything else to the package scope; methods aside), then resolved lazily in source order:
 * resolving an object resolves what its declaration refers to first (check_obj_decl), with a
 * per-object state so that cycles end (a named type is created before its right-hand side is
 * resolved; a cycle through a constant, variable or alias gives the invalid type).
 */
#include "types/check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef Vec(Term) TermVec;

Type *check_invalid(void) { return types_typ[BK_INVALID]; }

void check_recordp(Checker *c, uint32_t file, Expr *id, Object *obj)
{
	if (!c->record || !obj || !id || id->kind != EXPR_IDENT)
		return;
	CheckRec r = {file, id->pos, id->ident.name, obj};
	vec_push(&c->recs, r);
	check_record_obj(c, file, id, obj);
}

void check_record(Checker *c, SynFile *f, Expr *id, Object *obj) { check_recordp(c, f->src->id, id, obj); }

static Pos mkpos(uint32_t file, uint32_t off) { return (Pos){file, off}; }

/* A type error at file:off, worded as go/types words it; one per position, and none while
 * re-evaluating (recording off). */
void check_errorf(Checker *c, uint32_t file, uint32_t off, const char *fmt, ...)
{
	if (!c->record || c->quiet || c->no_errors || file == 0)
		return;
	if (c->errpos)
		off = c->errpos - 1;
	uintptr_t key = ((uintptr_t)file << 32 | off) + 1;
	if (map_get(&c->reported, key))
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (!msg)
		return;
	/* types2's "cheap trick": once an error is out, a message that mentions "invalid operand"
	 * or "invalid type" past its start is a follow-on error and is dropped */
	const char *io = strstr(msg, "invalid operand"), *it = strstr(msg, "invalid type");
	if (c->nerrors && ((io && io > msg) || (it && it > msg))) {
		free(msg);
		return;
	}
	map_put(&c->reported, key, (void *)1);
	c->nerrors++;
	diag_add(c->diags, mkpos(file, off), DIAG_ERROR, "%s", msg);
	free(msg);
}

/* Lookup through the current scope chain (local scopes are filled in source order, so the
 * innermost visible declaration is the right one). */
Object *check_lookup(Checker *c, Name *n)
{
	for (Scope *s = c->scope; s; s = s->parent) {
		Object *o = types_scope_lookup(s, n);
		if (o)
			return o;
	}
	return NULL;
}

static DeclInfo *decl_of(Checker *c, Object *o)
{
	if (!o || o->pkg != c->pkg || o->order == 0 || o->order > c->ndecls)
		return NULL;
	DeclInfo *d = &c->decls[o->order - 1];
	return d->obj == o ? d : NULL;
}

static DeclInfo *new_decl(Checker *c, Object *o)
{
	if (c->ndecls == c->capdecls) {
		c->capdecls = c->capdecls ? 2 * c->capdecls : 64;
		c->decls = xrealloc(c->decls, c->capdecls * sizeof *c->decls);
	}
	DeclInfo *d = &c->decls[c->ndecls++];
	memset(d, 0, sizeof *d);
	d->obj = o;
	o->order = c->ndecls;
	return d;
}

/* ---- type expressions ---- */

static Type *type_args_instance(Checker *c, uint32_t file, Type *gen, ExprList idx, Expr *e)
{
	Type **targs = ARENA_ARRAY(c->a, Type *, idx.n ? idx.n : 1);
	for (uint32_t i = 0; i < idx.n; i++)
		targs[i] = check_vartype(c, file, idx.v[i]);
	if (!gen || !types_is_generic(gen))
		return check_invalid();
	TypeList tp = gen->kind == TY_NAMED ? gen->named.tparams : gen->alias.tparams;
	if (!check_targ_count(c, file, e, gen, idx.n, tp.len))
		return check_invalid();
	for (uint32_t i = 0; i < idx.n; i++)
		if (targs[i] == check_invalid())
			return check_invalid();
	check_queue_verify(c, file, tp, targs, idx.v, idx.n, e->pos);
	return types_instantiate(c->a, gen, targs, idx.n);
}

/* An identifier or pkg.Name in type position: the object it denotes (recorded). */
static Object *type_name_obj(Checker *c, uint32_t file, Expr *e)
{
	if (e->kind == EXPR_IDENT) {
		Object *o = check_lookup(c, e->ident.name);
		if (!o)
			check_errorf(c, file, e->pos, e->ident.name == types_name_blank ? "cannot use _ as value or type" : "undefined: %s", e->ident.name->s);
		check_recordp(c, file, e, o);
		if (o && o->kind == OBJ_VAR && o->pkg == c->pkg)
			o->flags |= VF_USED; /* not a type, but used (go/types: no "declared and not used" then) */
		if (o && o->pkg == c->pkg && o->order)
			check_obj_decl(c, o);
		return o;
	}
	if (e->kind == EXPR_SELECTOR && e->selector.x->kind == EXPR_IDENT) {
		Object *p = check_lookup(c, e->selector.x->ident.name);
		if (!p || p->kind != OBJ_PKGNAME) {
			if (!p)
				check_errorf(c, file, e->selector.x->pos, "undefined: %s", e->selector.x->ident.name->s);
			return NULL;
		}
		p->pkgname.used = true;
		check_recordp(c, file, e->selector.x, p);
		Object *o = p->pkgname.imported && p->pkgname.imported->scope
		                ? types_scope_lookup(p->pkgname.imported->scope, e->selector.sel->ident.name)
		                : NULL;
		if (o && !(o->flags & OF_EXPORTED) && p->pkgname.imported != types_unsafe)
			o = NULL;
		if (!o && p->pkgname.imported && !p->pkgname.imported->fake)
			check_errorf(c, file, e->selector.sel->pos, "undefined: %s.%s", e->selector.x->ident.name->s, e->selector.sel->ident.name->s);
		check_recordp(c, file, e->selector.sel, o);
		return o;
	}
	return NULL;
}

static void collect_terms(Checker *c, uint32_t file, Expr *e, TermVec *terms, int depth)
{
	if (depth > CHECK_MAX_DEPTH)
		return;
	e = syn_unparen(e);
	if (e->kind == EXPR_BINARY && e->binary.op == TOK_OR) {
		collect_terms(c, file, e->binary.x, terms, depth + 1);
		collect_terms(c, file, e->binary.y, terms, depth + 1);
		/* go/types records each | with the union of the terms so far */
		check_record_type(c, file, e, types_new_union(c->a, arena_memdup(c->a, terms->data, terms->len * sizeof *terms->data), (uint32_t)terms->len));
		return;
	}
	Term t = {false, NULL};
	Expr *te = e;
	if (e->kind == EXPR_UNARY && e->unary.op == TOK_TILDE) {
		t.tilde = true;
		e = e->unary.x;
	}
	t.type = check_typexpr(c, file, e);
	if (t.tilde && t.type != check_invalid())
		check_record_type(c, file, te, types_new_union(c->a, arena_memdup(c->a, &t, sizeof t), 1));
	vec_push(terms, t);
}

/* A constraint or embedded element: union (~T | U) or a type. */
static Type *union_or_type(Checker *c, uint32_t file, Expr *e)
{
	Expr *u = syn_unparen(e);
	if ((u->kind == EXPR_BINARY && u->binary.op == TOK_OR) || (u->kind == EXPR_UNARY && u->unary.op == TOK_TILDE)) {
		TermVec terms = {0};
		collect_terms(c, file, u, &terms, 0);
		Type *t = types_new_union(c->a, terms.data, (uint32_t)terms.len);
		vec_free(&terms);
		if (terms.len == 1 && !((u->kind == EXPR_UNARY)))
			return t;
		return t;
	}
	return check_typexpr(c, file, e);
}

static Type *struct_type(Checker *c, uint32_t file, Expr *e)
{
	FieldList *fl = e->struct_type.fields;
	Vec(Object *) fields = {0};
	Vec(const char *) tags = {0};
	bool anytag = false;
	for (uint32_t i = 0; fl && i < fl->n; i++) {
		Field *f = fl->list[i];
		if (!f->type)
			continue;
		Type *t = check_vartype(c, file, f->type);
		const char *tag = NULL;
		if (f->tag && f->tag->kind == EXPR_BASIC_LIT) {
			ConstVal *v = const_from_literal(c->a, f->tag->lit.text, f->tag->lit.len, 's');
			if (v && v->kind == CK_STRING && v->str.len)
				tag = arena_strndup(c->a, v->str.s, v->str.len);
		}
		if (f->names.n == 0) {
			Expr *te = f->type;
			if (te->kind == EXPR_STAR)
				te = te->star.x;
			if (te->kind == EXPR_INDEX || te->kind == EXPR_INDEX_LIST)
				te = te->index.x;
			Expr *id = te->kind == EXPR_SELECTOR ? te->selector.sel : te;
			if (id->kind != EXPR_IDENT)
				continue;
			Object *fo = types_new_field(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, t, true);
			check_recordp(c, file, id, fo);
			vec_push(&fields, fo);
			vec_push(&tags, tag);
		} else {
			for (uint32_t j = 0; j < f->names.n; j++) {
				Expr *id = f->names.v[j];
				Object *fo = types_new_field(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, t, false);
				check_recordp(c, file, id, fo);
				vec_push(&fields, fo);
				vec_push(&tags, tag);
			}
		}
		if (tag)
			anytag = true;
	}
	check_field_unique(c, fields.data, (uint32_t)fields.len);
	Object **fa = fields.len ? vec_to_arena(c->a, &fields) : NULL;
	const char **ta = anytag ? vec_to_arena(c->a, &tags) : NULL;
	Type *t = types_new_struct(c->a, fa, ta, (uint32_t)fields.len);
	vec_free(&fields);
	vec_free(&tags);
	return t;
}

static Type *iface_type(Checker *c, uint32_t file, Expr *e)
{
	FieldList *fl = e->iface.methods;
	Vec(Object *) methods = {0};
	Vec(Type *) embs = {0};
	for (uint32_t i = 0; fl && i < fl->n; i++) {
		Field *f = fl->list[i];
		if (!f->type)
			continue;
		if (f->names.n == 0) {
			Type *t = union_or_type(c, file, f->type);
			vec_push(&embs, t);
			continue;
		}
		Expr *id = f->names.v[0];
		if (id->kind == EXPR_IDENT && id->ident.name == types_name_blank) {
			/* ignored, as in go/types: no signature, no method (so nothing "misses" it) */
			check_errorf(c, file, id->pos, "methods must have a unique non-blank name");
			continue;
		}
		Scope *save = c->scope;
		c->scope = types_new_scope(c->a, c->scope, mkpos(file, id->pos), mkpos(file, id->pos), "function");
		Type *sig = f->type->kind == EXPR_FUNC_TYPE ? check_signature(c, file, f->type, c->scope, NULL) : check_invalid();
		check_record_type(c, file, f->type, sig);
		c->scope = save;
		Object *m = types_new_func(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, sig);
		check_recordp(c, file, id, m);
		vec_push(&methods, m);
	}
	check_iface_method_unique(c, methods.data, (uint32_t)methods.len);
	Type *t = types_new_interface(c->a, methods.len ? vec_to_arena(c->a, &methods) : NULL, (uint32_t)methods.len,
	                              embs.len ? vec_to_arena(c->a, &embs) : NULL, (uint32_t)embs.len);
	vec_free(&methods);
	vec_free(&embs);
	return t;
}

/* Whether t is an alias (chain) whose right-hand side is still being checked. */
static bool alias_resolving(Type *t)
{
	for (int depth = 0; t && t->kind == TY_ALIAS && depth < 1000; depth++) {
		if (t->alias.targs.len && t->alias.orig != t)
			return false;
		t = t->alias.fromrhs;
	}
	return t == NULL;
}

static int64_t array_len(Checker *c, uint32_t file, Expr *e)
{
	return check_array_len(c, file, e);
}

Type *check_typexpr(Checker *c, uint32_t file, Expr *e)
{
	if (!e || ++c->depth > CHECK_MAX_DEPTH) {
		if (e)
			c->depth--;
		return check_invalid();
	}
	Type *t = check_invalid();
	switch (e->kind) {
	case EXPR_IDENT:
	case EXPR_SELECTOR: {
		Object *o = type_name_obj(c, file, e);
		if (o && o->kind == OBJ_TYPENAME && o->type)
			t = o->type;
		else if (o)
			check_not_a_type(c, file, e, o);
		if (!c->inst_ok)
			check_generic_type_use(c, file, e, t);
		break;
	}
	case EXPR_PAREN:
		t = check_typexpr(c, file, e->paren.x);
		break;
	case EXPR_STAR:
		t = check_vartype(c, file, e->star.x);
		/* *invalid is invalid (go/types), e.g. *C.char; not a pointer to an alias still being
		 * declared, which is valid */
		t = !alias_resolving(t) && types_unalias(t) == check_invalid() ? check_invalid() : types_new_pointer(c->a, t);
		break;
	case EXPR_ARRAY_TYPE:
		if (!e->array.len)
			t = types_new_slice(c->a, check_vartype(c, file, e->array.elt));
		else if (e->array.len->kind == EXPR_ELLIPSIS)
			t = check_invalid(); /* [...]T outside a composite literal */
		else {
			int64_t n = array_len(c, file, e->array.len);
			Type *elem = check_vartype(c, file, e->array.elt);
			/* a length not known (C.N in a cgo file, or an error): invalid, as go/types */
			t = n < 0 ? check_invalid() : types_new_array(c->a, elem, n);
		}
		break;
	case EXPR_MAP_TYPE: {
		Type *k = check_vartype(c, file, e->map.key);
		t = types_new_map(c->a, k, check_vartype(c, file, e->map.value));
		break;
	}
	case EXPR_CHAN_TYPE: {
		ChanDir d = e->chan.dir == SYN_CHAN_SEND ? CHAN_SEND : e->chan.dir == SYN_CHAN_RECV ? CHAN_RECV : CHAN_SEND_RECV;
		t = types_new_chan(c->a, d, check_vartype(c, file, e->chan.value));
		break;
	}
	case EXPR_FUNC_TYPE: {
		Scope *save = c->scope;
		c->scope = types_new_scope(c->a, c->scope, mkpos(file, e->pos), mkpos(file, e->pos), "function");
		t = check_signature(c, file, e, c->scope, NULL);
		c->scope = save;
		break;
	}
	case EXPR_STRUCT_TYPE:
		t = struct_type(c, file, e);
		break;
	case EXPR_INTERFACE_TYPE:
		t = iface_type(c, file, e);
		break;
	case EXPR_INDEX:
	case EXPR_INDEX_LIST: {
		bool gok = c->inst_ok;
		c->inst_ok = true;
		Type *g = check_typexpr(c, file, e->index.x);
		c->inst_ok = gok;
		t = type_args_instance(c, file, g == check_invalid() ? NULL : g, e->index.indices, e);
		break;
	}
	case EXPR_ELLIPSIS:
		t = types_new_slice(c->a, check_vartype(c, file, e->ellipsis.elt));
		break;
	case EXPR_BAD:
	case EXPR_BASIC_LIT:
	case EXPR_FUNC_LIT:
	case EXPR_COMPOSITE_LIT:
	case EXPR_SLICE:
	case EXPR_TYPE_ASSERT:
	case EXPR_CALL:
	case EXPR_UNARY:
	case EXPR_BINARY:
	case EXPR_KEY_VALUE:
	case EXPR__COUNT: {
		Operand x;
		check_expr(c, file, e, &x, NULL);
		c->depth--;
		return t;
	}
	}
	check_record_type(c, file, e, t);
	c->depth--;
	return t;
}

/* Type parameters: declared in c->scope, recorded, bounds resolved after all are declared. */
void check_tparams(Checker *c, uint32_t file, FieldList *l, TypeList *out)
{
	out->data = NULL;
	out->len = 0;
	if (!l)
		return;
	uint32_t n = 0;
	for (uint32_t i = 0; i < l->n; i++)
		n += l->list[i]->names.n;
	out->data = ARENA_ARRAY(c->a, Type *, n ? n : 1);
	uint32_t k = 0;
	for (uint32_t i = 0; i < l->n; i++)
		for (uint32_t j = 0; j < l->list[i]->names.n; j++) {
			Expr *id = l->list[i]->names.v[j];
			Object *tn = types_new_typename(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, NULL);
			Type *tp = types_new_typeparam(c->a, tn, NULL);
			tp->tparam.index = k;
			out->data[k++] = tp;
			check_declare_local(c, c->scope, tn);
			check_recordp(c, file, id, tn);
		}
	out->len = k;
	k = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		Field *f = l->list[i];
		Type *b = f->type ? union_or_type(c, file, f->type) : check_invalid();
		if (b->kind == TY_UNION || (types_under(b)->kind != TY_INTERFACE && b != check_invalid())) {
			Type *emb[1] = {b};
			b = types_new_interface(c->a, NULL, 0, emb, 1);
			b->iface.implicit = true;
		}
		for (uint32_t j = 0; j < f->names.n; j++)
			out->data[k++]->tparam.bound = b;
	}
}

/* Parameters are declared once the whole signature is resolved (go/types declares them
 * with the body as their scope, so a parameter named like a package does not hide it in
 * the signature): param_tuple collects them in *decl. */
typedef Vec(Object *) ObjVec;

static Type *param_tuple(Checker *c, uint32_t file, FieldList *l, ObjVec *decl, VarKind vk, bool *variadic)
{
	if (!l || l->n == 0)
		return types_new_tuple(c->a, NULL, 0);
	Vec(Object *) vars = {0};
	for (uint32_t i = 0; i < l->n; i++) {
		Field *f = l->list[i];
		Expr *te = f->type;
		bool ddd = te && te->kind == EXPR_ELLIPSIS;
		Type *t = ddd ? types_new_slice(c->a, check_vartype(c, file, te->ellipsis.elt)) : check_vartype(c, file, te);
		if (ddd)
			check_record_type(c, file, te, t);
		if (ddd && variadic && i == l->n - 1)
			*variadic = true;
		if (f->names.n == 0) {
			Object *v = types_new_var(c->a, vk, c->pkg, mkpos(file, f->pos), NULL, t);
			vec_push(&vars, v);
		}
		for (uint32_t j = 0; j < f->names.n; j++) {
			Expr *id = f->names.v[j];
			Object *v = types_new_var(c->a, vk, c->pkg, mkpos(file, id->pos), id->ident.name, t);
			vec_push(decl, v);
			check_recordp(c, file, id, v);
			vec_push(&vars, v);
		}
	}
	Type *tup = types_new_tuple(c->a, vec_to_arena(c->a, &vars), (uint32_t)vars.len);
	vec_free(&vars);
	return tup;
}

/* A function type's signature; parameters are declared in scope (the function's scope). */
Type *check_signature(Checker *c, uint32_t file, Expr *ft, Scope *scope, Object *recv)
{
	TypeList tps = {0};
	if (ft->func_type.tparams)
		check_tparams(c, file, ft->func_type.tparams, &tps);
	bool variadic = false;
	ObjVec decl = {0};
	Type *params = param_tuple(c, file, ft->func_type.params, &decl, VK_PARAM, &variadic);
	Type *results = param_tuple(c, file, ft->func_type.results, &decl, VK_RESULT, NULL);
	if (recv && scope && recv->name)
		check_declare_local(c, scope, recv);
	for (size_t i = 0; scope && i < decl.len; i++)
		check_declare_local(c, scope, decl.data[i]);
	vec_free(&decl);
	Type *sig = types_new_signature(c->a, recv, params, results, variadic);
	if (tps.len)
		types_sig_set_tparams(c->a, sig, tps.data, tps.len);
	return sig;
}

/* ---- package-level objects ---- */

static void type_decl(Checker *c, DeclInfo *d)
{
	Object *obj = d->obj;
	Spec *s = d->spec;
	uint32_t file = d->file->src->id;
	Scope *save = c->scope;
	c->scope = d->fscope;
	if (s->type.assign != SYN_NOPOS) {
		Type *al = types_new_alias(c->a, obj, NULL);
		obj->type = al;
		if (s->type.tparams) {
			c->scope = types_new_scope(c->a, c->scope, mkpos(file, s->pos), mkpos(file, s->pos), "type");
			TypeList tps;
			check_tparams(c, file, s->type.tparams, &tps);
			types_alias_set_tparams(c->a, al, tps.data, tps.len);
		}
		Type *rhs = check_typexpr(c, file, s->type.type);
		al->alias.fromrhs = rhs;
	} else {
		Type *named = types_new_named(c->a, obj, NULL);
		obj->type = named;
		if (s->type.tparams) {
			c->scope = types_new_scope(c->a, c->scope, mkpos(file, s->pos), mkpos(file, s->pos), "type");
			TypeList tps;
			check_tparams(c, file, s->type.tparams, &tps);
			types_named_set_tparams(c->a, named, tps.data, tps.len);
		}
		Type *rhs = check_typexpr(c, file, s->type.type);
		types_named_set_underlying(named, rhs);
	}
	c->scope = save;
}

static void var_decl(Checker *c, DeclInfo *d)
{
	uint32_t file = d->file->src->id;
	Scope *save = c->scope;
	c->scope = d->fscope;
	Spec *s = d->spec;
	if (s->value.type) {
		bool rec = c->record;
		/* the type expression is recorded once, for the spec's first name */
		c->record = rec && s->value.names.n && s->value.names.v[0]->pos == d->obj->pos.off;
		d->obj->type = check_vartype(c, file, s->value.type);
		c->record = rec;
	} else if (d->init) {
		Operand x;
		check_expr(c, file, d->init, &x, NULL);
		check_generic_func_value(c, file, d->init, &x);
		check_assign_untyped(c, d->init, &x, NULL);
		check_assignment(c, file, d->init, &x, NULL, "variable declaration");
		d->init_done = true;
		if (x.type && x.type->kind != TY_TUPLE && (x.mode == OP_CONST || x.mode == OP_VAR || x.mode == OP_VALUE) &&
		    !(x.type->kind == TY_BASIC && x.type->basic.kind == BK_UNTYPED_NIL))
			d->obj->type = types_default(x.type);
	} else if (s->value.values.n == 1 && s->value.names.n > 1) {
		/* n:1: the value is evaluated (and recorded) with the first name */
		uint32_t k = 0;
		while (k < s->value.names.n && s->value.names.v[k]->pos != d->obj->pos.off)
			k++;
		bool rec = c->record;
		c->record = rec && k == 0;
		Operand x;
		check_expr(c, file, s->value.values.v[0], &x, NULL);
		if (k == 0)
			check_var_n1(c, file, s->value.names, s->value.values.v[0], &x, NULL);
		c->record = rec;
		d->init_done = true;
		Expr *r = syn_unparen(s->value.values.v[0]);
		if (x.type && x.type->kind == TY_TUPLE && k < x.type->tuple.vars.len && x.type->tuple.vars.len == s->value.names.n)
			d->obj->type = x.type->tuple.vars.data[k]->type;
		else if (s->value.names.n == 2 && x.type && x.type->kind != TY_TUPLE &&
		         (r->kind == EXPR_INDEX || r->kind == EXPR_TYPE_ASSERT || (r->kind == EXPR_UNARY && r->unary.op == TOK_ARROW))) {
			d->obj->type = k == 0 ? types_default(x.type) : types_typ[BK_BOOL];
			if (k == 0)
				check_record_commaok(c, s->value.values.v[0]);
		}
	}
	c->scope = save;
}

static void func_decl(Checker *c, DeclInfo *d)
{
	uint32_t file = d->file->src->id;
	Scope *save = c->scope;
	Decl *fd = d->fdecl;
	Scope *fs = types_new_scope(c->a, d->fscope, mkpos(file, fd->pos), mkpos(file, fd->pos), "function");
	c->scope = fs;
	d->obj->type = check_signature(c, file, fd->func.type, fs, NULL);
	d->obj->func.decl = fs; /* the function scope, for the body pass */
	c->scope = save;
}

void check_obj_decl(Checker *c, Object *obj)
{
	DeclInfo *d = decl_of(c, obj);
	if (!d || d->state == 2)
		return;
	if (d->state == 1) {
		check_decl_cycle(c, obj);
		if (obj->kind != OBJ_TYPENAME && !obj->type)
			obj->type = check_invalid();
		return;
	}
	d->state = 1;
	vec_push(&c->objpath, obj);
	/* resolved once, from wherever it is first needed: record and evaluate afresh */
	bool srec = c->record;
	int64_t siota = c->iota;
	int sdepth = c->depth, squiet = c->quiet;
	bool sgok = c->inst_ok;
	c->inst_ok = false;
	Object *sdecl = c->cur_decl;
	c->cur_decl = obj->kind == OBJ_VAR || obj->kind == OBJ_CONST ? obj : NULL;
	c->quiet = 0;
	c->record = true;
	c->iota = -1;
	switch (obj->kind) {
	case OBJ_TYPENAME:
		type_decl(c, d);
		break;
	case OBJ_CONST: {
		Scope *save = c->scope;
		c->scope = d->fscope;
		/* implicit repetitions record too: like go/types, the shared nodes keep the values of
		 * the last evaluation */
		c->record = d->init != NULL;
		if (!d->spec->value.type && !d->spec->value.values.n)
			c->errpos = obj->pos.off + 1;
		check_const_spec(c, d->file->src->id, d->ctype, d->init, obj, d->iota);
		c->errpos = 0;
		c->scope = save;
		break;
	}
	case OBJ_VAR:
		var_decl(c, d);
		break;
	case OBJ_FUNC:
		func_decl(c, d);
		break;
	case OBJ_BAD:
	case OBJ_PKGNAME:
	case OBJ_LABEL:
	case OBJ_BUILTIN:
	case OBJ_NIL:
	case OBJ_COUNT:
		break;
	}
	c->record = srec;
	c->iota = siota;
	c->depth = sdepth;
	c->quiet = squiet;
	c->inst_ok = sgok;
	c->cur_decl = sdecl;
	if (c->objpath.len)
		c->objpath.len--;
	d->state = 2;
}

static void declare_pkg(Checker *c, Object *o, Expr *id, uint32_t file)
{
	check_recordp(c, file, id, o);
	if (types_name_empty(o->name) || o->name == types_name_blank)
		return;
	if (o->kind == OBJ_FUNC && strcmp(o->name->s, "init") == 0)
		return;
	if (o->kind != OBJ_FUNC && !check_pkg_name_ok(c, file, id))
		return;
	check_declare_local(c, c->pkg->scope, o);
}

static void collect(Checker *c, SynFile *f, Scope *fscope)
{
	uint32_t file = f->src->id;
	for (uint32_t i = 0; i < f->ndecls; i++) {
		Decl *d = f->decls[i];
		if (d->kind == DECL_FUNC) {
			if (!d->func.name || d->func.name->kind != EXPR_IDENT || !d->func.type)
				continue;
			check_func_decl_errs(c, f, d);
			if (d->func.recv) {
				vec_push(&c->methods, d);
				continue;
			}
			Object *fn = types_new_func(c->a, c->pkg, mkpos(file, d->func.name->pos), d->func.name->ident.name, NULL);
			DeclInfo *di = new_decl(c, fn);
			di->file = f;
			di->fscope = fscope;
			di->fdecl = d;
			declare_pkg(c, fn, d->func.name, file);
			continue;
		}
		if (d->kind != DECL_GEN)
			continue;
		Expr *ctype = NULL, *const_inits_first = NULL;
		ExprList cvals = {0};
		Spec *cspec = NULL;
		(void)const_inits_first;
		for (uint32_t j = 0; j < d->gen.nspecs; j++) {
			Spec *s = d->gen.specs[j];
			switch (s->kind) {
			case SPEC_IMPORT: {
				Expr *pl = s->import.path;
				if (!pl || pl->kind != EXPR_BASIC_LIT)
					break;
				ConstVal *pv = const_from_literal(c->a, pl->lit.text, pl->lit.len, 's');
				char path[1024] = "";
				if (pv && pv->kind == CK_STRING && pv->str.len < sizeof path) {
					memcpy(path, pv->str.s, pv->str.len);
					path[pv->str.len] = 0;
				}
				Package *imp = strcmp(path, "unsafe") == 0 ? types_unsafe : c->import ? c->import(c->import_arg, path) : NULL;
				if (!imp) {
					diag_add(c->diags, mkpos(file, pl->pos), DIAG_ERROR, "could not import %s", path);
					break;
				}
				Name *nm = imp->name;
				Expr *nid = s->import.name;
				if (nid && nid->kind == EXPR_IDENT)
					nm = nid->ident.name;
				Object *pn = types_new_object(c->a, OBJ_PKGNAME, c->pkg, mkpos(file, nid ? nid->pos : pl->pos), nm, NULL);
				pn->pkgname.imported = imp;
				pn->pkgname.used = imp->fake; /* go/types: a fake import (cgo's "C") counts as used */
				if (nid)
					check_recordp(c, file, nid, pn);
				pn->scope_pos = mkpos(file, syn_spec_pos(s));
				if (nm != types_name_blank && !(nm->len == 1 && nm->s[0] == '.'))
					vec_push(&c->imports, pn);
				if (nm->len == 1 && nm->s[0] == '.') {
					Scope *is = imp->scope;
					for (uint32_t k = 0; is && k < is->len; k++)
						if (is->elems[k]->flags & OF_EXPORTED)
							types_scope_insert(fscope, is->elems[k]);
				} else if (nm != types_name_blank) {
					types_scope_insert(fscope, pn);
				}
				break;
			}
			case SPEC_VALUE:
				if (d->gen.tok == TOK_CONST) {
					bool inherited = !(s->value.type || s->value.values.n);
					if (!inherited) {
						ctype = s->value.type;
						cvals = s->value.values;
						cspec = s;
					}
					check_init_arity(c, file, s, true, cvals, inherited);
					for (uint32_t k = 0; k < s->value.names.n; k++) {
						Expr *id = s->value.names.v[k];
						Object *o = types_new_const(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, NULL, NULL);
						DeclInfo *di = new_decl(c, o);
						di->file = f;
						di->fscope = fscope;
						di->spec = s;
						di->ctype = ctype;
						di->init = k < cvals.n ? cvals.v[k] : NULL;
						di->iota = j;
						declare_pkg(c, o, id, file);
					}
					(void)cspec;
				} else {
					check_init_arity(c, file, s, false, s->value.values, false);
					for (uint32_t k = 0; k < s->value.names.n; k++) {
						Expr *id = s->value.names.v[k];
						Object *o = types_new_var(c->a, VK_PACKAGE, c->pkg, mkpos(file, id->pos), id->ident.name, NULL);
						DeclInfo *di = new_decl(c, o);
						di->file = f;
						di->fscope = fscope;
						di->spec = s;
						di->init = s->value.values.n == s->value.names.n ? s->value.values.v[k] : NULL;
						declare_pkg(c, o, id, file);
					}
					check_var_arity(c, file, s->value.names, s->value.values);
				}
				break;
			case SPEC_TYPE: {
				Expr *id = s->type.name;
				if (!id || id->kind != EXPR_IDENT)
					break;
				Object *o = types_new_typename(c->a, c->pkg, mkpos(file, id->pos), id->ident.name, NULL);
				DeclInfo *di = new_decl(c, o);
				di->file = f;
				di->fscope = fscope;
				di->spec = s;
				declare_pkg(c, o, id, file);
				break;
			}
			}
		}
	}
}

/* The receiver's base type name: T, *T, T[P], *T[P] (parenthesized too). */
static Expr *recv_base(Expr *e, bool *ptr, ExprList *targs)
{
	e = syn_unparen(e);
	if (e->kind == EXPR_STAR) {
		*ptr = true;
		e = syn_unparen(e->star.x);
	}
	if (e->kind == EXPR_INDEX || e->kind == EXPR_INDEX_LIST) {
		*targs = e->index.indices;
		e = syn_unparen(e->index.x);
	}
	return e->kind == EXPR_IDENT ? e : NULL;
}

typedef struct FuncBody {
	Object *decl; /* a package-level function (NULL for methods) */
	uint32_t file;
	Type *sig;
	Scope *scope;
	Stmt *body;
} FuncBody;
typedef Vec(FuncBody) FuncBodyVec;

static void method_decl(Checker *c, SynFile *f, Scope *fscope, Decl *d, FuncBodyVec *bodies)
{
	uint32_t file = f->src->id;
	Scope *save = c->scope;
	Scope *fs = types_new_scope(c->a, fscope, mkpos(file, d->pos), mkpos(file, d->pos), "function");
	c->scope = fs;
	FieldList *rl = d->func.recv;
	Object *recv = NULL;
	Type *base = NULL;
	TypeList rparams = {NULL, 0};
	bool ptr = false;
	if (rl->n >= 1 && rl->list[0]->type) {
		Field *rf = rl->list[0];
		ExprList targs = {0};
		Expr *bid = recv_base(rf->type, &ptr, &targs);
		Object *bo = bid ? check_lookup(c, bid->ident.name) : NULL;
		if (bid && !bo)
			check_errorf(c, file, bid->pos, "undefined: %s", bid->ident.name->s);
		if (bo && bo->kind == OBJ_TYPENAME)
			check_obj_decl(c, bo);
		check_recordp(c, file, bid, bo);
		Type *rt = check_invalid();
		if (!bid) /* not a local type name (*pkg.T, which gc rejects): its names are used */
			(void)check_typexpr(c, file, rf->type);
		if (bo && bo->kind == OBJ_TYPENAME && bo->type) {
			Type *bt = types_unalias(bo->type);
			if (bt->kind == TY_NAMED) {
				base = bt;
				rt = bo->type; /* an alias stays an alias in the receiver's type */
				if (targs.n) {
					/* receiver type parameters: new type parameters named as written */
					Type **tps = ARENA_ARRAY(c->a, Type *, targs.n);
					uint32_t k = 0;
					for (uint32_t i = 0; i < targs.n; i++) {
						Expr *id = targs.v[i];
						Name *nm = id->kind == EXPR_IDENT ? id->ident.name : types_name_blank;
						Object *tn = types_new_typename(c->a, c->pkg, mkpos(file, id->pos), nm, NULL);
						Type *tp = types_new_typeparam(c->a, tn, NULL);
						tp->tparam.index = k;
						tps[k++] = tp;
						types_scope_insert(fs, tn);
						check_recordp(c, file, id, tn);
						check_record_type(c, file, id, tp);
					}
					TypeList otp = bt->named.tparams;
					rparams = (TypeList){tps, k};
					for (uint32_t i = 0; i < k; i++)
						tps[i]->tparam.bound = i < otp.len ? types_subst(c->a, otp.data[i]->tparam.bound, otp, (TypeList){tps, k}) : check_invalid();
					rt = otp.len == k ? types_instantiate(c->a, bt, tps, k) : check_invalid();
				}
			}
		}
		check_recv_type(c, file, rf->type, bo);
		if (ptr)
			rt = types_new_pointer(c->a, rt);
		if (rt != check_invalid() && (!ptr || rt->pointer.elem != check_invalid())) {
			/* the receiver's type expression, as go/types records it */
			Type *t = rt;
			for (Expr *te = rf->type; te && t;) {
				check_record_type(c, file, te, t);
				if (te->kind == EXPR_PAREN) {
					te = te->paren.x;
				} else if (te->kind == EXPR_STAR && t->kind == TY_POINTER) {
					t = t->pointer.elem;
					te = te->star.x;
				} else {
					if ((te->kind == EXPR_INDEX || te->kind == EXPR_INDEX_LIST) && bo)
						check_record_type(c, file, te->index.x, bo->type);
					break;
				}
			}
		}
		Expr *rid = rf->names.n ? rf->names.v[0] : NULL;
		recv = types_new_var(c->a, VK_RECV, c->pkg, mkpos(file, rid ? rid->pos : rf->pos), rid ? rid->ident.name : NULL, rt);
		if (rid) /* declared with the parameters, after the signature (types2 funcType) */
			check_recordp(c, file, rid, recv);
	}
	Type *sig = check_signature(c, file, d->func.type, fs, recv);
	/* declared after the signature (types2): a result type may have the receiver's name */
	if (recv && rl && rl->n && rl->list[0]->names.n)
		types_scope_insert(fs, recv);
	sig->sig.rparams = rparams;
	Object *m = types_new_func(c->a, c->pkg, mkpos(file, d->func.name->pos), d->func.name->ident.name, sig);
	if (ptr)
		m->flags |= FF_PTR_RECV;
	check_recordp(c, file, d->func.name, m);
	if (base && base->named.obj->pkg == c->pkg && d->func.name->ident.name != types_name_blank && check_method_unique(c, base, m))
		types_named_add_method(c->a, base, m);
	c->scope = save;
	if (d->func.body) {
		FuncBody b = {NULL, file, sig, fs, d->func.body};
		vec_push(bodies, b);
	}
}

static Object *unsafe_obj_fix(Object *o) { return o; }

Package *types_check(Arena *a, const char *path, SynFile **files, uint32_t n, const CheckConfig *cfg, Diags *diags,
                     CheckRec **recs, size_t *nrecs)
{
	Checker cc;
	memset(&cc, 0, sizeof cc);
	Checker *c = &cc;
	c->a = a;
	c->diags = diags;
	c->record = true;
	c->iota = -1;
	c->import = cfg ? cfg->import : NULL;
	c->import_arg = cfg ? cfg->import_arg : NULL;
	c->no_errors = cfg && cfg->no_errors;
	c->complete = cfg && cfg->complete;
	map_init(&c->reported);
	Name *pname = n && files[0]->name ? files[0]->name->ident.name : types_name_blank;
	Package *pkg = types_new_package(a, path, pname);
	c->pkg = pkg;
	c->files = files;
	c->nfiles = n;
	c->fscopes = ARENA_ARRAY(a, Scope *, n ? n : 1);
	(void)unsafe_obj_fix;
	for (uint32_t i = 0; i < n; i++) {
		c->fscopes[i] = types_new_scope(a, pkg->scope, (Pos){0, 0}, (Pos){0, 0}, "file");
		collect(c, files[i], c->fscopes[i]);
	}
	check_pkg_file_conflicts(c);
	/* resolve in source order */
	for (uint32_t i = 0; i < c->ndecls; i++)
		if (c->decls[i].obj->kind == OBJ_TYPENAME)
			check_obj_decl(c, c->decls[i].obj);
	FuncBodyVec bodies = {0};
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t k = 0; k < c->methods.len; k++) {
			Decl *d = c->methods.data[k];
			(void)d;
		}
	/* methods, by file */
	for (uint32_t k = 0; k < c->methods.len; k++) {
		Decl *d = c->methods.data[k];
		for (uint32_t i = 0; i < n; i++) {
			SynFile *f = files[i];
			bool in = false;
			for (uint32_t j = 0; j < f->ndecls; j++)
				if (f->decls[j] == d) {
					in = true;
					break;
				}
			if (in) {
				method_decl(c, f, c->fscopes[i], d, &bodies);
				break;
			}
		}
	}
	for (uint32_t i = 0; i < c->ndecls; i++)
		check_obj_decl(c, c->decls[i].obj);
	for (uint32_t i = 0; i < c->ndecls; i++)
		if (c->decls[i].obj->kind == OBJ_TYPENAME && c->decls[i].obj->type && c->decls[i].obj->type->kind == TY_NAMED)
			check_field_method_clash(c, c->decls[i].obj->type);
	/* values of variables with declared types (the others were evaluated for their type) */
	for (uint32_t i = 0; i < c->ndecls; i++) {
		DeclInfo *d = &c->decls[i];
		if (d->obj->kind == OBJ_VAR && !d->init && !d->init_done && d->spec->value.type && d->spec->value.values.n == 1 &&
		    d->spec->value.names.n > 1 && d->spec->value.names.v[0]->pos == d->obj->pos.off) {
			c->scope = d->fscope;
			Operand x;
			c->cur_decl = d->obj;
			check_expr(c, d->file->src->id, d->spec->value.values.v[0], &x, NULL);
			check_var_n1(c, d->file->src->id, d->spec->value.names, d->spec->value.values.v[0], &x, d->obj->type);
			c->cur_decl = NULL;
		}
		if (d->obj->kind == OBJ_VAR && d->init && !d->init_done) {
			c->scope = d->fscope;
			Operand x;
			c->cur_decl = d->obj;
			check_expr(c, d->file->src->id, d->init, &x, d->obj->type);
			if (d->obj->type)
				check_assign_untyped(c, d->init, &x, d->obj->type);
			check_assignment(c, d->file->src->id, d->init, &x, d->obj->type, "variable declaration");
			c->cur_decl = NULL;
		}
		if (d->obj->kind == OBJ_FUNC && d->fdecl->func.body) {
			FuncBody b = {d->obj, d->file->src->id, d->obj->type, d->obj->func.decl, d->fdecl->func.body};
			vec_push(&bodies, b);
		}
	}
	for (size_t i = 0; i < bodies.len; i++) {
		c->cur_decl = bodies.data[i].decl;
		check_func_body(c, bodies.data[i].file, bodies.data[i].sig, bodies.data[i].scope, bodies.data[i].body);
		c->cur_decl = NULL;
	}
	check_run_verifies(c);
	check_valid_types(c);
	check_init_order(c);
	c->record = true;
	for (size_t i = 0; i < c->imports.len; i++) {
		Object *pn = c->imports.data[i];
		Package *ip = pn->pkgname.imported;
		if (pn->pkgname.used || !ip)
			continue;
		bool renamed = pn->name != ip->name;
		if (renamed)
			check_errorf(c, pn->scope_pos.file, pn->scope_pos.off, "\"%s\" imported as %s and not used", ip->path, pn->name->s);
		else
			check_errorf(c, pn->scope_pos.file, pn->scope_pos.off, "\"%s\" imported and not used", ip->path);
	}
	check_report_nobody(c);
	vec_free(&c->imports);
	vec_free(&c->objpath);
	vec_free(&c->locals);
	map_free(&c->reported);
	vec_free(&bodies);
	vec_free(&c->methods);
	check_record_finish(c);
	check_facts(c);
	free(c->decls);
	pkg->complete = true;
	*recs = c->recs.data;
	*nrecs = c->recs.len;
	return pkg;
}
