/*
 * universe.c: the universe scope and package unsafe, as go/types' universe.go builds them.
 *
 * Predeclared types (spec "Predeclared identifiers"): the basic types by BasicKind, byte and
 * rune as distinct Basic types of kinds uint8 and int32, error (a Named interface with one
 * method Error() string), any (an Alias of the empty interface, as with gotypesalias=1, the
 * default since Go 1.23) and comparable (a Named interface whose type set is the comparable
 * types). Constants true, false, iota; nil; the builtins. Exported names (Pointer and the
 * unsafe builtins) go into package unsafe, the others into the universe; untyped kinds and
 * "invalid type" are not declared (their names contain a space).
 */
#include "types/const.h"
#include "types/types.h"

#include <string.h>

Scope *types_universe;
Package *types_unsafe;
Type *types_typ[BK_COUNT];
Type *types_byte, *types_rune, *types_error, *types_any, *types_empty_iface, *types_comparable;
Object *types_universe_iota;
Interner *types_names;
Name *types_name_blank;

static Arena universe_arena;

static Name *nm(const char *s) { return intern_cstr(types_names, s); }

static void def(Object *obj)
{
	if (strchr(obj->name->s, ' ')) return;
	Scope *s = types_universe;
	if (types_is_exported(obj->name)) {
		s = types_unsafe->scope;
		obj->pkg = types_unsafe;
	}
	types_scope_insert(s, obj);
}

static Object *typename(Arena *a, const char *name, Type *t)
{
	return types_new_typename(a, NULL, (Pos){0, 0}, nm(name), t);
}

void types_universe_init(Interner *in)
{
	if (types_universe) return;
	types_names = in;
	Arena *a = &universe_arena;
	arena_init(a);
	types_name_blank = nm("_");
	types_universe = types_new_scope(a, NULL, (Pos){0, 0}, (Pos){0, 0}, "universe");
	types_unsafe = types_new_package(a, "unsafe", nm("unsafe"));
	types_unsafe->complete = true;

	static const struct {
		const char *name;
		uint32_t info;
	} basics[BK_COUNT] = {
#define X(n, s, f, sz) {s, f},
		TYPES_BASIC_KINDS(X)
#undef X
	};
	for (int k = 0; k < BK_COUNT; k++) {
		Type *t = ARENA_NEW(a, Type);
		t->kind = TY_BASIC;
		t->flags = basics[k].info;
		t->basic.kind = (BasicKind)k;
		t->basic.name = basics[k].name;
		types_typ[k] = t;
		def(typename(a, basics[k].name, t));
	}
	/* byte and rune: distinct Basic types whose names differ from their kinds' */
	types_byte = arena_memdup(a, types_typ[BK_UINT8], sizeof(Type));
	types_byte->basic.name = "byte";
	types_rune = arena_memdup(a, types_typ[BK_INT32], sizeof(Type));
	types_rune->basic.name = "rune";
	def(typename(a, "byte", types_byte));
	def(typename(a, "rune", types_rune));

	/* any = interface{} (an Alias) */
	types_empty_iface = types_new_interface(a, NULL, 0, NULL, 0);
	Object *any = typename(a, "any", NULL);
	types_any = types_new_alias(a, any, types_empty_iface);
	def(any);

	/* type error interface{ Error() string } */
	{
		Object *obj = typename(a, "error", NULL);
		Type *named = types_new_named(a, obj, NULL);
		Object *recv = types_new_var(a, VK_RECV, NULL, (Pos){0, 0}, NULL, named);
		Object *res = types_new_var(a, VK_RESULT, NULL, (Pos){0, 0}, NULL, types_typ[BK_STRING]);
		Type *sig = types_new_signature(a, recv, NULL, types_new_tuple(a, &res, 1), false);
		Object *m = types_new_func(a, NULL, (Pos){0, 0}, nm("Error"), sig);
		Type *it = types_new_interface(a, &m, 1, NULL, 0);
		types_named_set_underlying(named, it);
		types_error = named;
		def(obj);
	}
	/* type comparable interface{ comparable } */
	{
		Object *obj = typename(a, "comparable", NULL);
		Type *named = types_new_named(a, obj, NULL);
		Type *it = types_new_interface(a, NULL, 0, NULL, 0);
		TypeSet *ts = ARENA_NEW(a, TypeSet);
		ts->all = true;
		ts->comparable = true;
		it->iface.tset = ts;
		types_named_set_underlying(named, it);
		types_comparable = named;
		def(obj);
	}

	def(types_new_const(a, NULL, (Pos){0, 0}, nm("true"), types_typ[BK_UNTYPED_BOOL], const_make_bool(a, true)));
	def(types_new_const(a, NULL, (Pos){0, 0}, nm("false"), types_typ[BK_UNTYPED_BOOL], const_make_bool(a, false)));
	types_universe_iota = types_new_const(a, NULL, (Pos){0, 0}, nm("iota"), types_typ[BK_UNTYPED_INT],
	                                      const_make_int64(a, 0));
	def(types_universe_iota);
	def(types_new_object(a, OBJ_NIL, NULL, (Pos){0, 0}, nm("nil"), types_typ[BK_UNTYPED_NIL]));

	for (int i = 0; i < BI_COUNT; i++) {
		Object *b = types_new_object(a, OBJ_BUILTIN, NULL, (Pos){0, 0}, nm(types_builtins[i].name),
		                             types_typ[BK_INVALID]);
		b->builtin.id = (BuiltinId)i;
		def(b);
	}
	/* every thread shares the universe: compute its lazy parts now (share.c) */
	for (uint32_t i = 0; i < types_universe->len; i++)
		if (types_universe->elems[i]->type) types_typeset(types_under(types_universe->elems[i]->type));
	types_package_freeze(types_unsafe);
}
