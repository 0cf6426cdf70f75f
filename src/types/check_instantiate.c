/*
 * check_instantiate.c: errors of generic code, as types2 reports them: type argument
 * counts ("not enough type arguments for type G: have 1, want 2", "got 2 type arguments but
 * want 1"), constraint satisfaction of explicit and inferred type arguments
 * ("T does not satisfy C (missing method M)", "string does not satisfy Num (string missing
 * in ~int | ~float64)", "[]int does not satisfy comparable"), "in call to f, cannot infer T",
 * and generic types and functions used without instantiation.
 *
 * Satisfaction is verified after the package's declarations and bodies are checked (types2
 * verifies later too: a constraint may not be complete where the instance is written), from
 * a queue filled while checking. Nothing is reported where a type is unknown.
 */
#include "types/check.h"

#include <stdlib.h>
#include <string.h>

typedef struct Verify {
	uint32_t file;
	TypeList tparams;
	Type **targs;
	uint32_t *xpos; /* positions of the explicit type arguments */
	uint32_t nx;
	uint32_t pos;   /* the instance or call, for inferred ones */
	const char *callee; /* a call whose type arguments were inferred (after the first nx) */
	Type *vartype;  /* not an instance: a variable's type, which must not be a constraint interface */
} Verify;

static const char *callee_str(Checker *c, uint32_t file, Expr *f);

static void puts_(TypesBuf *b, const char *s)
{
	for (; *s; s++)
		vec_push(b, *s);
}

static const char *fstr(Checker *c, const char *fmt, const char *a, const char *b2, const char *c3)
{
	size_t n = strlen(fmt) + strlen(a) + (b2 ? strlen(b2) : 0) + (c3 ? strlen(c3) : 0) + 1;
	char *s = arena_alloc(c->a, n);
	snprintf(s, n, fmt, a, b2 ? b2 : "", c3 ? c3 : "");
	return s;
}

/* "M(x int) string" as types2's funcString(f, false) prints a method. */
static const char *func_str(Checker *c, Object *f)
{
	TypesBuf b = {0};
	puts_(&b, f->name ? f->name->s : "_");
	if (f->type && f->type->kind == TY_SIGNATURE)
		types_write_signature(&b, f->type);
	vec_push(&b, '\0');
	const char *out = check_qualify(c, b.data);
	vec_free(&b);
	return out;
}

static const char *terms_str(Checker *c, TypeSet *ts)
{
	TypesBuf b = {0};
	for (uint32_t i = 0; i < ts->nterms; i++) {
		if (i)
			puts_(&b, " | ");
		if (ts->terms[i].tilde)
			vec_push(&b, '~');
		char *t = types_string(ts->terms[i].type);
		puts_(&b, t);
		free(t);
	}
	vec_push(&b, '\0');
	const char *out = check_qualify(c, b.data);
	vec_free(&b);
	return out;
}

static bool term_has(Term t, Type *v)
{
	if (!t.type)
		return true;
	return t.tilde ? types_identical(types_under(v), types_under(t.type)) : types_identical(v, t.type);
}

/* types2 implements(V, T, constraint=true, &cause): why v does not satisfy t (which it does
 * not). NULL when it cannot tell. */
static const char *unsatisfied_cause(Checker *c, Type *v, Type *t)
{
	const char *vs = check_tstr(c, v), *ts = check_tstr(c, t);
	Type *tu = types_under(t), *vu = types_under(v);
	if (tu->kind != TY_INTERFACE)
		return fstr(c, "%s does not satisfy %s (%s is not an interface)", vs, ts, ts);
	TypeSet *tts = types_typeset(tu);
	if (!tts->all && tts->nterms == 0)
		return fstr(c, "cannot satisfy %s (empty type set)", ts, NULL, NULL);
	bool wrong = false, ptr = false;
	Object *m = types_missing_method(c->a, v, tu, &wrong, &ptr);
	if (m) {
		const char *cause;
		if (ptr)
			cause = fstr(c, "(method %s has pointer receiver)", m->name->s, NULL, NULL);
		else if (wrong) {
			LookupResult r = types_lookup_field_or_method(c->a, v, false, m->pkg, m->name);
			if (r.obj && r.obj->kind == OBJ_FUNC)
				cause = fstr(c, "(wrong type for method %s)\n\t\thave %s\n\t\twant %s", m->name->s, func_str(c, r.obj),
				             func_str(c, m));
			else
				cause = fstr(c, "(wrong type for method %s)", m->name->s, NULL, NULL);
		} else {
			LookupResult r = types_lookup_field_or_method(c->a, v, false, m->pkg, m->name);
			if (r.obj && r.obj->kind == OBJ_VAR)
				cause = fstr(c, "(%s.%s is a field, not a method)", vs, m->name->s, NULL);
			else
				cause = fstr(c, "(missing method %s)", m->name->s, NULL, NULL);
		}
		const char *s1 = fstr(c, "%s does not satisfy %s %s", vs, ts, cause);
		return s1;
	}
	bool comparable_ok = true;
	if (tts->comparable)
		comparable_ok = types_strictly_comparable(v) || types_comparable_type(v);
	if (tts->all || vu->kind == TY_INTERFACE) {
		if (vu->kind == TY_INTERFACE && !tts->all && comparable_ok)
			return fstr(c, "%s does not satisfy %s", vs, ts, NULL);
		return comparable_ok ? NULL : fstr(c, "%s does not satisfy comparable", vs, NULL, NULL);
	}
	bool in = false;
	for (uint32_t i = 0; i < tts->nterms && !in; i++)
		in = term_has(tts->terms[i], v);
	if (!in) {
		/* a term T (not ~T, T its own underlying type) that ~T would admit: a missing ~ */
		for (uint32_t i = 0; i < tts->nterms; i++) {
			Term tm = tts->terms[i];
			if (!tm.tilde && tm.type && types_identical(tm.type, types_under(tm.type)) &&
			    types_identical(types_under(v), tm.type)) {
				const char *detail = fstr(c, "possibly missing ~ for %s in %s", check_tstr(c, tm.type), ts, NULL);
				return fstr(c, "%s does not satisfy %s (%s)", vs, ts, detail);
			}
		}
		const char *detail = fstr(c, "%s missing in %s", vs, terms_str(c, tts), NULL);
		return fstr(c, "%s does not satisfy %s (%s)", vs, ts, detail);
	}
	return comparable_ok ? NULL : fstr(c, "%s does not satisfy comparable", vs, NULL, NULL);
}

/* Queues the verification of an instance (types2 verifies later). */
static bool mentions(Type *t, Type *tp, int depth);

/* types2 mono.go, for its simplest loop: a generic type or function instantiated, within its
 * own declaration, with a type argument that contains the corresponding type parameter
 * (Box[Box[T]] in Box[T], f[[]T] in f[T]): "instantiation cycle" at the type parameter. */
static void mono_check(Checker *c, uint32_t file, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx, uint32_t pos)
{
	if (c->mono_done)
		return;
	for (uint32_t i = 0; i < tparams.len; i++) {
		Type *tp = tparams.data[i], *a = targs[i];
		if (!a || a == tp || types_unalias(a) == tp || !mentions(a, tp, 0))
			continue;
		Object *o = tp->tparam.obj;
		if (!o || !o->name)
			continue;
		uint32_t at = i < nx ? check_start_pos(xlist[i]) : pos;
		c->mono_done = true;
		check_errorf(c, o->pos.file, o->pos.off, "instantiation cycle:\n\t%s: %s instantiated as %s", check_pos_str(c, (Pos){file, at}),
		             o->name->s, check_tstr(c, a));
		return;
	}
}

static Verify *queue_verify(Checker *c, uint32_t file, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx, uint32_t pos)
{
	if (!c->record || c->quiet || c->no_errors || !tparams.len)
		return NULL;
	mono_check(c, file, tparams, targs, xlist, nx, pos);
	Verify *v = ARENA_NEW(c->a, Verify);
	v->callee = NULL;
	v->vartype = NULL;
	v->file = file;
	v->tparams = tparams;
	v->targs = ARENA_ARRAY(c->a, Type *, tparams.len);
	memcpy(v->targs, targs, tparams.len * sizeof *targs);
	v->nx = nx;
	v->xpos = ARENA_ARRAY(c->a, uint32_t, nx ? nx : 1);
	for (uint32_t i = 0; i < nx; i++)
		v->xpos[i] = check_start_pos(xlist[i]);
	v->pos = pos;
	vec_push(&c->verifies, (void *)v);
	return v;
}

void check_queue_verify(Checker *c, uint32_t file, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx, uint32_t pos)
{
	queue_verify(c, file, tparams, targs, xlist, nx, pos);
}

/* The type arguments of a call, inferred after the explicit ones (xlist). */
void check_queue_verify_call(Checker *c, uint32_t file, Expr *call, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx)
{
	Verify *v = queue_verify(c, file, tparams, targs, xlist, nx, call->pos);
	if (v)
		v->callee = callee_str(c, file, call->call.fun);
}

/* types2 varType: a type used for a variable, field, parameter, element or type argument. */
Type *check_vartype(Checker *c, uint32_t file, Expr *e)
{
	Type *t = check_typexpr(c, file, e);
	if (!c->record || c->quiet || c->no_errors || !t || t == check_invalid())
		return t;
	Type *ua = types_unalias(t);
	if (ua->kind == TY_TYPEPARAM || ua->kind == TY_BASIC || ua->kind == TY_POINTER || ua->kind == TY_SLICE ||
	    ua->kind == TY_MAP || ua->kind == TY_CHAN || ua->kind == TY_SIGNATURE || ua->kind == TY_STRUCT || ua->kind == TY_ARRAY)
		return t; /* never an interface */
	Verify *v = ARENA_NEW(c->a, Verify);
	memset(v, 0, sizeof *v);
	v->file = file;
	v->pos = check_start_pos(e);
	v->vartype = t;
	vec_push(&c->verifies, (void *)v);
	return t;
}

static void verify_vartype(Checker *c, Verify *v)
{
	Type *t = v->vartype;
	if (types_unalias(t)->kind == TY_TYPEPARAM)
		return;
	Type *u = types_under(t);
	if (!u || u->kind != TY_INTERFACE)
		return;
	TypeSet *ts = types_typeset(u);
	if (ts->comparable)
		check_errorf(c, v->file, v->pos, "cannot use type %s outside a type constraint: interface is (or embeds) comparable", check_tstr(c, t));
	else if (!ts->all)
		check_errorf(c, v->file, v->pos, "cannot use type %s outside a type constraint: interface contains type constraints", check_tstr(c, t));
}

static void verify_one(Checker *c, Verify *v)
{
	if (v->vartype) {
		verify_vartype(c, v);
		return;
	}
	TypeList targs = {v->targs, v->tparams.len};
	for (uint32_t i = 0; i < v->tparams.len; i++)
		if (!check_type_known(v->targs[i], 0))
			return;
	for (uint32_t i = 0; i < v->tparams.len; i++) {
		Type *bound = v->tparams.data[i]->tparam.bound;
		if (!bound || bound == check_invalid())
			return;
		bound = types_subst(c->a, bound, v->tparams, targs);
		if (types_satisfies(v->targs[i], bound))
			continue;
		if (i >= v->nx && v->callee) {
			/* inference checks the methods of the constraint first (infer.go) */
			Type *bu = types_under(bound);
			bool wrong = false, ptr = false;
			Object *m = bu->kind == TY_INTERFACE ? types_missing_method(c->a, v->targs[i], bu, &wrong, &ptr) : NULL;
			if (m && !wrong && !ptr) {
				LookupResult r = types_lookup_field_or_method(c->a, v->targs[i], false, m->pkg, m->name);
				if (!r.obj && !r.ambiguous) {
					Type *tp = v->tparams.data[i];
					check_errorf(c, v->file, v->pos, "in call to %s, %s (type %s) does not satisfy %s (missing method %s)", v->callee,
					             tp->tparam.obj->name->s, check_tstr(c, v->targs[i]), check_tstr(c, tp->tparam.bound), m->name->s);
				}
				return;
			}
		}
		const char *cause = unsatisfied_cause(c, v->targs[i], bound);
		if (!cause)
			return; /* cannot explain it: stay silent */
		uint32_t at = i < v->nx ? v->xpos[i] : v->pos;
		check_errorf(c, v->file, at, "%s", cause);
		return;
	}
}

void check_run_verifies(Checker *c)
{
	bool rec = c->record;
	c->record = true;
	for (size_t i = 0; i < c->verifies.len; i++)
		verify_one(c, c->verifies.data[i]);
	c->record = rec;
	vec_free(&c->verifies);
}

/* G[A, B] with the wrong number of type arguments (types2 validateTArgLen). */
bool check_targ_count(Checker *c, uint32_t file, Expr *e, Type *gen, uint32_t got, uint32_t want)
{
	if (got == want)
		return true;
	Object *o = types_type_obj(gen);
	check_errorf(c, file, check_start_pos(e), "%s type arguments for type %s: have %u, want %u", got < want ? "not enough" : "too many",
	             o && o->name ? o->name->s : "?", got, want);
	return false;
}

/* A type name denoting a generic type used without type arguments. */
/* The type parameters of a generic type have known bounds (printable as declared). */
bool check_tparams_known(Type *gen)
{
	TypeList tps = gen->kind == TY_NAMED ? gen->named.tparams : gen->kind == TY_ALIAS ? gen->alias.tparams : (TypeList){0};
	for (uint32_t i = 0; i < tps.len; i++) {
		Type *b = tps.data[i]->tparam.bound;
		if (!b || b == check_invalid())
			return false;
		if (b->kind == TY_INTERFACE && b->iface.implicit && b->iface.embeddeds.len == 1 && b->iface.embeddeds.data[0] == check_invalid())
			return false;
	}
	return true;
}

void check_generic_type_use(Checker *c, uint32_t file, Expr *e, Type *t)
{
	if (!t || !types_is_generic(t) || !check_tparams_known(t))
		return;
	check_errorf(c, file, check_start_pos(e), "cannot use generic type %s without instantiation", check_tstr(c, t));
}

/* The source text of a short expression (a callee): NULL when not a name or pkg.name. */
static const char *callee_str(Checker *c, uint32_t file, Expr *f)
{
	f = syn_unparen(f);
	if (f->kind == EXPR_INDEX || f->kind == EXPR_INDEX_LIST)
		f = f->index.x;
	if (f->kind != EXPR_IDENT && !(f->kind == EXPR_SELECTOR && f->selector.x->kind == EXPR_IDENT))
		return NULL;
	SrcFile *sf = srcfile_get(file);
	uint32_t a = syn_expr_pos(f), b = syn_expr_end(f);
	if (!sf || b <= a || b > sf->len)
		return NULL;
	return arena_strndup(c->a, sf->text + a, b - a);
}

/* "in call to f, cannot infer T (declared at POS)": a type parameter that no parameter type
 * and no other type parameter's constraint mentions cannot be inferred from any argument. */
static bool mentions(Type *t, Type *tp, int depth)
{
	if (!t || depth > 40)
		return false;
	if (t == tp)
		return true;
	switch (t->kind) {
	case TY_POINTER: return mentions(t->pointer.elem, tp, depth + 1);
	case TY_SLICE: return mentions(t->slice.elem, tp, depth + 1);
	case TY_ARRAY: return mentions(t->array.elem, tp, depth + 1);
	case TY_MAP: return mentions(t->map.key, tp, depth + 1) || mentions(t->map.elem, tp, depth + 1);
	case TY_CHAN: return mentions(t->chan.elem, tp, depth + 1);
	case TY_TUPLE:
		for (uint32_t i = 0; i < t->tuple.vars.len; i++)
			if (mentions(t->tuple.vars.data[i]->type, tp, depth + 1))
				return true;
		return false;
	case TY_SIGNATURE: return mentions(t->sig.params, tp, depth + 1) || mentions(t->sig.results, tp, depth + 1);
	case TY_STRUCT:
		for (uint32_t i = 0; i < t->strct.fields.len; i++)
			if (mentions(t->strct.fields.data[i]->type, tp, depth + 1))
				return true;
		return false;
	case TY_NAMED:
		for (uint32_t i = 0; i < t->named.targs.len; i++)
			if (mentions(t->named.targs.data[i], tp, depth + 1))
				return true;
		return false;
	case TY_ALIAS:
		for (uint32_t i = 0; i < t->alias.targs.len; i++)
			if (mentions(t->alias.targs.data[i], tp, depth + 1))
				return true;
		return mentions(t->alias.fromrhs, tp, depth + 1);
	case TY_INTERFACE:
		for (uint32_t i = 0; i < t->iface.methods.len; i++)
			if (mentions(t->iface.methods.data[i]->type, tp, depth + 1))
				return true;
		for (uint32_t i = 0; i < t->iface.embeddeds.len; i++)
			if (mentions(t->iface.embeddeds.data[i], tp, depth + 1))
				return true;
		return false;
	case TY_UNION:
		for (uint32_t i = 0; i < t->uni.len; i++)
			if (mentions(t->uni.terms[i].type, tp, depth + 1))
				return true;
		return false;
	case TY_BASIC:
	case TY_TYPEPARAM:
	case TY_COUNT:
		return false;
	}
	return false;
}

void check_cannot_infer(Checker *c, uint32_t file, Expr *call, Type *sig, uint32_t nexplicit)
{
	TypeList tps = sig->sig.tparams;
	for (uint32_t k = nexplicit; k < tps.len; k++) {
		Type *tp = tps.data[k];
		if (mentions(sig->sig.params, tp, 0))
			continue;
		bool other = false;
		for (uint32_t j = 0; j < tps.len && !other; j++)
			other = j != k && mentions(tps.data[j]->tparam.bound, tp, 0);
		Type *bu = tp->tparam.bound ? types_under(tp->tparam.bound) : NULL;
		if (other || !bu || bu->kind != TY_INTERFACE || bu->iface.embeddeds.len)
			return; /* a core type could bind it */
		const char *fn = callee_str(c, file, call->call.fun);
		if (!fn)
			return;
		Object *o = tp->tparam.obj;
		check_errorf(c, file, call->pos, "in call to %s, cannot infer %s (declared at %s)", fn, o->name->s, check_pos_str(c, o->pos));
		return;
	}
}

/* A generic function used as a value without instantiation (no inference context). */
void check_generic_func_value(Checker *c, uint32_t file, Expr *e, Operand *x)
{
	if (!x->type || (x->mode != OP_VALUE && x->mode != OP_VAR) || x->ntargs)
		return;
	Type *u = types_under(x->type);
	if (u->kind != TY_SIGNATURE || !u->sig.tparams.len)
		return;
	Expr *f = syn_unparen(e);
	if (f->kind != EXPR_IDENT && !(f->kind == EXPR_SELECTOR && f->selector.x->kind == EXPR_IDENT))
		return;
	const char *s = callee_str(c, file, f);
	if (s)
		check_errorf(c, file, check_start_pos(e), "cannot use generic function %s without instantiation", s);
}
