/*
 * types.c: construction of types and objects, scopes, and the lazy resolution of underlying
 * and aliased types.
 *
 * Invariants: a Tuple, Signature params/results and lists are never NULL once built (empty
 * tuples are shared per arena call, which is fine since tuples are immutable); a Named type's
 * `under` is only ever a non-Named, non-Alias type; instances of generic types expand their
 * underlying type and methods on first use, in the arena recorded at instantiation.
 */
#include "types/types.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

const char *const types_kind_names[TY_COUNT] = {
#define X(n, s) s,
	TYPES_KINDS(X)
#undef X
};

const char *const types_obj_kind_names[OBJ_COUNT] = {
#define X(n, s) s,
	TYPES_OBJ_KINDS(X)
#undef X
};

const BuiltinInfo types_builtins[BI_COUNT] = {
#define X(n, s, na, v, st) {s, na, v, st},
	TYPES_BUILTINS(X)
#undef X
};

static Type *new_type(Arena *a, TypeKind k)
{
	Type *t = ARENA_NEW(a, Type);
	t->kind = k;
	return t;
}

Type *types_new_pointer(Arena *a, Type *elem)
{
	Type *t = new_type(a, TY_POINTER);
	t->pointer.elem = elem;
	return t;
}

Type *types_new_slice(Arena *a, Type *elem)
{
	Type *t = new_type(a, TY_SLICE);
	t->slice.elem = elem;
	return t;
}

Type *types_new_array(Arena *a, Type *elem, int64_t len)
{
	Type *t = new_type(a, TY_ARRAY);
	t->array.elem = elem;
	t->array.len = len;
	return t;
}

Type *types_new_map(Arena *a, Type *key, Type *elem)
{
	Type *t = new_type(a, TY_MAP);
	t->map.key = key;
	t->map.elem = elem;
	return t;
}

Type *types_new_chan(Arena *a, ChanDir dir, Type *elem)
{
	Type *t = new_type(a, TY_CHAN);
	t->chan.dir = dir;
	t->chan.elem = elem;
	return t;
}

static ObjList objlist(Arena *a, Object **objs, uint32_t n)
{
	ObjList l = {NULL, n};
	if (n) l.data = arena_memdup(a, objs, n * sizeof *objs);
	return l;
}

static TypeList typelist(Arena *a, Type **ts, uint32_t n)
{
	TypeList l = {NULL, n};
	if (n) l.data = arena_memdup(a, ts, n * sizeof *ts);
	return l;
}

Type *types_new_struct(Arena *a, Object **fields, const char **tags, uint32_t n)
{
	Type *t = new_type(a, TY_STRUCT);
	t->strct.fields = objlist(a, fields, n);
	if (tags) {
		bool any = false;
		for (uint32_t i = 0; i < n; i++) any |= tags[i] != NULL && tags[i][0] != 0;
		if (any) t->strct.tags = arena_memdup(a, tags, n * sizeof *tags);
	}
	return t;
}

Type *types_new_tuple(Arena *a, Object **vars, uint32_t n)
{
	Type *t = new_type(a, TY_TUPLE);
	t->tuple.vars = objlist(a, vars, n);
	return t;
}

Type *types_new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic)
{
	Type *t = new_type(a, TY_SIGNATURE);
	t->sig.recv = recv;
	t->sig.params = params ? params : types_new_tuple(a, NULL, 0);
	t->sig.results = results ? results : types_new_tuple(a, NULL, 0);
	t->sig.variadic = variadic;
	return t;
}

void types_sig_set_tparams(Arena *a, Type *sig, Type **tparams, uint32_t n)
{
	sig->sig.tparams = typelist(a, tparams, n);
	for (uint32_t i = 0; i < n; i++) tparams[i]->tparam.index = i;
}

int types_obj_cmp(const Object *a, const Object *b)
{
	if (a == b) return 0;
	if (!a) return -1;
	if (!b) return 1;
	bool ea = (a->flags & OF_EXPORTED) != 0, eb = (b->flags & OF_EXPORTED) != 0;
	if (ea != eb) return ea ? -1 : 1;
	int c = strcmp(a->name ? a->name->s : "", b->name ? b->name->s : "");
	if (c || ea) return c;
	return strcmp(a->pkg ? a->pkg->path : "", b->pkg ? b->pkg->path : "");
}

static int obj_qcmp(const void *x, const void *y)
{
	return types_obj_cmp(*(Object *const *)x, *(Object *const *)y);
}

void types_sort_objects(Object **objs, uint32_t n)
{
	if (n > 1) qsort(objs, n, sizeof *objs, obj_qcmp);
}

Type *types_new_interface(Arena *a, Object **methods, uint32_t nm, Type **embeddeds, uint32_t ne)
{
	Type *t = new_type(a, TY_INTERFACE);
	t->iface.methods = objlist(a, methods, nm);
	types_sort_objects(t->iface.methods.data, nm); /* go/types sorts explicit methods */
	t->iface.embeddeds = typelist(a, embeddeds, ne);
	return t;
}

Type *types_new_union(Arena *a, const Term *terms, uint32_t n)
{
	Type *t = new_type(a, TY_UNION);
	t->uni.terms = n ? arena_memdup(a, terms, n * sizeof *terms) : NULL;
	t->uni.len = n;
	return t;
}

Type *types_new_named(Arena *a, Object *obj, Type *underlying)
{
	Type *t = new_type(a, TY_NAMED);
	t->named.obj = obj;
	t->named.orig = t;
	t->named.fromrhs = underlying;
	if (obj && !obj->type) obj->type = t;
	return t;
}

void types_named_set_underlying(Type *named, Type *underlying)
{
	named->named.fromrhs = underlying;
	named->named.under = NULL;
}

void types_named_add_method(Arena *a, Type *named, Object *fn)
{
	ObjList *l = &named->named.methods;
	Object **d = ARENA_ARRAY(a, Object *, l->len + 1);
	if (l->len) memcpy(d, l->data, l->len * sizeof *d);
	d[l->len] = fn;
	l->data = d;
	l->len++;
}

void types_named_set_tparams(Arena *a, Type *named, Type **tparams, uint32_t n)
{
	named->named.tparams = typelist(a, tparams, n);
	for (uint32_t i = 0; i < n; i++) tparams[i]->tparam.index = i;
}

Type *types_new_typeparam(Arena *a, Object *obj, Type *bound)
{
	static _Atomic uint32_t next_id; /* unique ids, for debugging and hashing */
	Type *t = new_type(a, TY_TYPEPARAM);
	t->tparam.obj = obj;
	t->tparam.bound = bound;
	t->tparam.id = atomic_fetch_add(&next_id, 1) + 1;
	if (obj && !obj->type) obj->type = t;
	return t;
}

Type *types_new_alias(Arena *a, Object *obj, Type *rhs)
{
	Type *t = new_type(a, TY_ALIAS);
	t->alias.obj = obj;
	t->alias.fromrhs = rhs;
	t->alias.orig = t;
	if (obj && !obj->type) obj->type = t;
	return t;
}

void types_alias_set_tparams(Arena *a, Type *alias, Type **tparams, uint32_t n)
{
	alias->alias.tparams = typelist(a, tparams, n);
	for (uint32_t i = 0; i < n; i++) tparams[i]->tparam.index = i;
}

/* ---- objects ---- */

bool types_is_exported(const Name *n)
{
	if (types_name_empty(n)) return false;
	const unsigned char *s = (const unsigned char *)n->s;
	if (s[0] < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
	/* Decode one UTF-8 rune and test the upper-case ranges of Latin-1, Latin Extended-A,
	 * Greek and Cyrillic (unicode.IsUpper for the scripts Go identifiers use in practice). */
	uint32_t r = 0;
	if ((s[0] & 0xE0) == 0xC0 && s[1]) r = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
	else if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2])
		r = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return true;
	if (r >= 0x100 && r <= 0x17F) return (r & 1) == 0 && r != 0x138;
	if (r >= 0x391 && r <= 0x3AB && r != 0x3A2) return true;
	if (r >= 0x400 && r <= 0x42F) return true;
	if (r >= 0x1E00 && r <= 0x1EFF) return (r & 1) == 0;
	if (r >= 0xFF21 && r <= 0xFF3A) return true;
	return false;
}

Object *types_new_object(Arena *a, ObjKind k, Package *pkg, Pos pos, Name *name, Type *type)
{
	Object *o = ARENA_NEW(a, Object);
	o->kind = k;
	o->pkg = pkg;
	o->pos = pos;
	o->name = name;
	o->type = type;
	if (types_is_exported(name)) o->flags |= OF_EXPORTED;
	return o;
}

Object *types_new_var(Arena *a, VarKind vk, Package *pkg, Pos pos, Name *name, Type *type)
{
	Object *o = types_new_object(a, OBJ_VAR, pkg, pos, name, type);
	o->var.kind = vk;
	return o;
}

Object *types_new_field(Arena *a, Package *pkg, Pos pos, Name *name, Type *type, bool embedded)
{
	Object *o = types_new_var(a, VK_FIELD, pkg, pos, name, type);
	if (embedded) o->flags |= VF_EMBEDDED;
	return o;
}

Object *types_new_param(Arena *a, Package *pkg, Pos pos, Name *name, Type *type)
{
	return types_new_var(a, VK_PARAM, pkg, pos, name, type);
}

Object *types_new_func(Arena *a, Package *pkg, Pos pos, Name *name, Type *sig)
{
	Object *o = types_new_object(a, OBJ_FUNC, pkg, pos, name, sig);
	if (sig && sig->kind == TY_SIGNATURE && sig->sig.recv) {
		Type *r = types_unalias(sig->sig.recv->type);
		if (r && r->kind == TY_POINTER) o->flags |= FF_PTR_RECV;
	}
	return o;
}

Object *types_new_typename(Arena *a, Package *pkg, Pos pos, Name *name, Type *type)
{
	return types_new_object(a, OBJ_TYPENAME, pkg, pos, name, type);
}

Object *types_new_const(Arena *a, Package *pkg, Pos pos, Name *name, Type *type, ConstVal *v)
{
	Object *o = types_new_object(a, OBJ_CONST, pkg, pos, name, type);
	o->cnst.val = v;
	return o;
}

Package *types_new_package(Arena *a, const char *path, Name *name)
{
	Package *p = ARENA_NEW(a, Package);
	p->path = arena_strndup(a, path, strlen(path));
	p->name = name;
	char buf[512];
	snprintf(buf, sizeof buf, "package %s (\"%s\")", name ? name->s : "?", path);
	p->scope = types_new_scope(a, types_universe, (Pos){0, 0}, (Pos){0, 0},
	                           arena_strndup(a, buf, strlen(buf)));
	p->goversion = "";
	return p;
}

bool types_same_id(const Object *o, const Package *pkg, const Name *name)
{
	if (o->name != name) return false;
	if (o->flags & OF_EXPORTED) return true;
	/* unexported names from different packages are different */
	const char *p1 = o->pkg ? o->pkg->path : "", *p2 = pkg ? pkg->path : "";
	return o->pkg == pkg || strcmp(p1, p2) == 0;
}

bool types_obj_is_alias(const Object *tn)
{
	if (!tn->type) return false;
	switch (tn->type->kind) {
	case TY_ALIAS: return true;
	case TY_BASIC:
		/* byte, rune, and unsafe.Pointer outside unsafe are aliases */
		if (tn->pkg == types_unsafe) return false;
		return tn->pkg != NULL || strcmp(tn->name->s, tn->type->basic.name) != 0 || tn->type == types_byte ||
		       tn->type == types_rune;
	case TY_NAMED: return tn->type->named.obj != tn;
	case TY_TYPEPARAM: return tn->type->tparam.obj != tn;
	case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_MAP: case TY_CHAN: case TY_STRUCT:
	case TY_SIGNATURE: case TY_INTERFACE: case TY_UNION: case TY_TUPLE:
		return true;
	case TY_COUNT: break;
	}
	return false;
}

/* ---- scopes ---- */

Scope *types_new_scope(Arena *a, Scope *parent, Pos pos, Pos end, const char *comment)
{
	Scope *s = ARENA_NEW(a, Scope);
	s->parent = parent;
	s->pos = pos;
	s->end = end;
	s->comment = comment;
	s->arena = a;
	if (parent && parent != types_universe) {
		if (parent->nchildren == parent->capchildren) {
			uint32_t nc = parent->capchildren ? parent->capchildren * 2 : 4;
			Scope **d = ARENA_ARRAY(parent->arena, Scope *, nc);
			if (parent->nchildren) memcpy(d, parent->children, parent->nchildren * sizeof *d);
			parent->children = d;
			parent->capchildren = nc;
		}
		parent->children[parent->nchildren++] = s;
	}
	return s;
}

static void scope_index(Scope *s, Object *o)
{
	uint32_t m = s->tcap - 1, i = o->name->hash & m;
	while (s->table[i]) i = (i + 1) & m;
	s->table[i] = o;
}

Object *types_scope_lookup(const Scope *s, const Name *name)
{
	if (!s || !name) return NULL;
	if (s->table) {
		uint32_t m = s->tcap - 1, i = name->hash & m;
		for (Object *o; (o = s->table[i]); i = (i + 1) & m)
			if (o->name == name) return o;
		return NULL;
	}
	for (uint32_t i = 0; i < s->len; i++)
		if (s->elems[i]->name == name) return s->elems[i];
	return NULL;
}

Object *types_scope_insert(Scope *s, Object *obj)
{
	if (types_name_empty(obj->name) || (obj->name->len == 1 && obj->name->s[0] == '_')) return NULL;
	Object *old = types_scope_lookup(s, obj->name);
	if (old) return old;
	if (s->len == s->cap) {
		uint32_t nc = s->cap ? s->cap * 2 : 4;
		Object **d = ARENA_ARRAY(s->arena, Object *, nc);
		if (s->len) memcpy(d, s->elems, s->len * sizeof *d);
		s->elems = d;
		s->cap = nc;
	}
	s->elems[s->len++] = obj;
	if (obj->parent == NULL) obj->parent = s;
	if (s->len > 8) {
		if (s->len * 2 > s->tcap) {
			s->tcap = s->tcap ? s->tcap * 2 : 32;
			while (s->tcap < s->len * 2) s->tcap *= 2;
			s->table = ARENA_ARRAY(s->arena, Object *, s->tcap);
			for (uint32_t i = 0; i < s->len; i++) scope_index(s, s->elems[i]);
		} else {
			scope_index(s, obj);
		}
	}
	return NULL;
}

static int pos_cmp(Pos a, Pos b)
{
	if (a.file != b.file) return a.file < b.file ? -1 : 1;
	return a.off < b.off ? -1 : a.off > b.off;
}

Object *types_scope_lookup_parent(const Scope *s, const Name *name, Pos pos, const Scope **found_in)
{
	for (; s; s = s->parent) {
		Object *o = types_scope_lookup(s, name);
		if (o && (pos.file == 0 || o->scope_pos.file == 0 || pos_cmp(o->scope_pos, pos) <= 0)) {
			if (found_in) *found_in = s;
			return o;
		}
	}
	if (found_in) *found_in = NULL;
	return NULL;
}

bool types_scope_contains(const Scope *s, Pos pos)
{
	if (s->pos.file == 0) return true; /* package and universe scopes have no extent */
	return s->pos.file == pos.file && s->pos.off <= pos.off && pos.off < s->end.off;
}

const Scope *types_scope_innermost(const Scope *s, Pos pos)
{
	if (!types_scope_contains(s, pos)) return NULL;
	for (;;) {
		const Scope *next = NULL;
		for (uint32_t i = 0; i < s->nchildren && !next; i++)
			if (s->children[i]->pos.file && types_scope_contains(s->children[i], pos)) next = s->children[i];
		if (!next) return s;
		s = next;
	}
}

/* ---- underlying and unalias ---- */

Type *types_inst_expand_alias(Type *alias);  /* subst.c */
void types_inst_expand_named(Type *named);   /* subst.c */

Type *types_unalias(Type *t)
{
	if (!t || t->kind != TY_ALIAS) return t;
	Type *x = __atomic_load_n(&t->alias.actual, __ATOMIC_ACQUIRE);
	if (x) return x;
	/* computed once under the shared lock: expanding an alias instance allocates in the
	 * arena of the package that made it (share.c) */
	types_lock();
	x = t->alias.actual;
	if (x) {
		types_unlock();
		return x;
	}
	x = t;
	for (int depth = 0; x && x->kind == TY_ALIAS; depth++) {
		if (depth > 1000) { x = types_typ[BK_INVALID]; break; }
		if (x->alias.targs.len && x->alias.orig != x) x = types_inst_expand_alias(x);
		else x = x->alias.fromrhs;
	}
	if (!x) {
		/* an alias still being declared (A = struct{ f *A }): invalid for now, not cached */
		types_unlock();
		return types_typ[BK_INVALID];
	}
	__atomic_store_n(&t->alias.actual, x, __ATOMIC_RELEASE);
	types_unlock();
	return x;
}

Type *types_under(Type *t)
{
	t = types_unalias(t);
	if (!t) return types_typ[BK_INVALID];
	if (t->kind == TY_TYPEPARAM) {
		/* go/types: the underlying type of its constraint, always an interface */
		Type *b = types_unalias(t->tparam.bound);
		if (!b || b->kind == TY_TYPEPARAM) return types_empty_iface;
		return types_under(b);
	}
	if (t->kind != TY_NAMED) return t;
	Type *cached = __atomic_load_n(&t->named.under, __ATOMIC_ACQUIRE);
	if (cached) return cached;
	if (t->named.orig != t) {
		/* an instance: expanded under the shared lock, where its cycle guard lives too */
		types_lock();
		types_inst_expand_named(t);
		cached = t->named.under;
		types_unlock();
		return cached ? cached : types_typ[BK_INVALID];
	}
	/* a declared type: only its own package's thread gets here (types_package_freeze
	 * caches the underlying type of every package-level type before importers start) */
	if (t->named.expanding) return types_typ[BK_INVALID]; /* cycle: type T T */
	Type *r = types_unalias(t->named.fromrhs);
	if (!r) return types_typ[BK_INVALID]; /* not yet set: do not cache */
	t->named.expanding = true;
	Type *u = r->kind == TY_NAMED ? types_under(r) : r;
	t->named.expanding = false;
	/* cache unless the chain ended at a type not yet resolved (or in a cycle) */
	if (r->kind != TY_NAMED || __atomic_load_n(&r->named.under, __ATOMIC_ACQUIRE))
		__atomic_store_n(&t->named.under, u, __ATOMIC_RELEASE);
	return u;
}

ObjList types_named_methods(Type *t)
{
	t = types_unalias(t);
	if (!t || t->kind != TY_NAMED) return (ObjList){NULL, 0};
	if (t->named.orig != t) types_inst_expand_named(t);
	return t->named.methods;
}

Object *types_type_obj(const Type *t)
{
	switch (t->kind) {
	case TY_NAMED: return t->named.obj;
	case TY_ALIAS: return t->alias.obj;
	case TY_TYPEPARAM: return t->tparam.obj;
	case TY_BASIC: case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_MAP: case TY_CHAN:
	case TY_STRUCT: case TY_SIGNATURE: case TY_INTERFACE: case TY_UNION: case TY_TUPLE: case TY_COUNT:
		break;
	}
	return NULL;
}

static bool basic_info(Type *t, uint32_t info)
{
	Type *u = types_under(t);
	return u->kind == TY_BASIC && (u->flags & info);
}

bool types_is_untyped(Type *t) { return basic_info(t, TF_UNTYPED) || (types_under(t)->kind == TY_BASIC && types_under(t)->basic.kind == BK_UNTYPED_NIL); }
bool types_is_typed(Type *t) { return !types_is_untyped(t); }
bool types_is_boolean(Type *t) { return basic_info(t, TF_BOOLEAN); }
bool types_is_integer(Type *t) { return basic_info(t, TF_INTEGER); }
bool types_is_unsigned(Type *t) { return basic_info(t, TF_UNSIGNED); }
bool types_is_float(Type *t) { return basic_info(t, TF_FLOAT); }
bool types_is_complex(Type *t) { return basic_info(t, TF_COMPLEX); }
bool types_is_numeric(Type *t) { return basic_info(t, TF_NUMERIC); }
bool types_is_string(Type *t) { return basic_info(t, TF_STRING); }
bool types_is_const_type(Type *t) { return basic_info(t, TF_CONST_TYPE); }

bool types_is_typeparam(Type *t)
{
	t = types_unalias(t);
	return t && t->kind == TY_TYPEPARAM;
}

bool types_is_interface(Type *t)
{
	t = types_unalias(t);
	return t && t->kind != TY_TYPEPARAM && types_under(t)->kind == TY_INTERFACE;
}

bool types_has_name(Type *t)
{
	t = types_unalias(t);
	return t && (t->kind == TY_BASIC || t->kind == TY_NAMED || t->kind == TY_TYPEPARAM);
}

bool types_is_generic(Type *t)
{
	if (!t) return false;
	if (t->kind == TY_ALIAS) return t->alias.tparams.len > 0 && t->alias.targs.len == 0;
	return t->kind == TY_NAMED && t->named.orig == t && t->named.tparams.len > 0;
}

/* ---- pointer (pair) sets ---- */

static size_t seen_slot(const TypesSeen *s, uintptr_t a, uintptr_t b)
{
	uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Full + 1);
	h ^= h >> 29;
	size_t m = s->cap - 1, i = (size_t)h & m;
	while (s->keys[2 * i] && (s->keys[2 * i] != a || s->keys[2 * i + 1] != b)) i = (i + 1) & m;
	return i;
}

bool types_seen_has(const TypesSeen *s, const void *a, const void *b)
{
	if (!s->cap || !a) return false;
	size_t i = seen_slot(s, (uintptr_t)a, (uintptr_t)b);
	return s->keys[2 * i] != 0;
}

bool types_seen_add(TypesSeen *s, const void *a, const void *b)
{
	if (!a) return false;
	if ((s->len + 1) * 2 > s->cap) {
		TypesSeen n = {NULL, 0, s->cap ? s->cap * 2 : 64};
		n.keys = xcalloc(2 * n.cap, sizeof *n.keys);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->keys[2 * i]) continue;
			size_t j = seen_slot(&n, s->keys[2 * i], s->keys[2 * i + 1]);
			n.keys[2 * j] = s->keys[2 * i];
			n.keys[2 * j + 1] = s->keys[2 * i + 1];
		}
		n.len = s->len;
		free(s->keys);
		*s = n;
	}
	size_t i = seen_slot(s, (uintptr_t)a, (uintptr_t)b);
	if (s->keys[2 * i]) return false;
	s->keys[2 * i] = (uintptr_t)a;
	s->keys[2 * i + 1] = (uintptr_t)b;
	s->len++;
	return true;
}

void types_seen_free(TypesSeen *s)
{
	free(s->keys);
	s->keys = NULL;
	s->len = s->cap = 0;
}
