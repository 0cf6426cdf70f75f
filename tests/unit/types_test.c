/* Unit tests of src/types beyond the differential corpus (tests/types): the universe, scopes
 * and positions, type sets, core types, lookup paths and ambiguity, instantiation, size
 * overflow, exported names, printing of cycles and special cases. Expectations follow the
 * Go spec and go/types' documented behaviour. */
#include "base/base.h"
#include "check.h"
#include "types/const.h"
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

static Interner in;
static Arena A;
static Package *pkg;

static Name *nm(const char *s) { return intern_cstr(&in, s); }
static Type *T(BasicKind k) { return types_typ[k]; }

static bool str_is(Type *t, const char *want)
{
	char *s = types_string(t);
	bool ok = strcmp(s, want) == 0;
	if (!ok) printf("   got %s, want %s\n", s, want);
	free(s);
	return ok;
}

static Object *field(const char *name, Type *t, bool emb)
{
	return types_new_field(&A, pkg, (Pos){0, 0}, name ? nm(name) : NULL, t, emb);
}

static Type *named(const char *name, Type *under)
{
	Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nm(name), NULL);
	Type *t = types_new_named(&A, o, under);
	types_scope_insert(pkg->scope, o);
	return t;
}

static Type *iface_terms(Term *terms, uint32_t n)
{
	Type *u = types_new_union(&A, terms, n);
	return types_new_interface(&A, NULL, 0, &u, 1);
}

static void test_universe(void)
{
	static const char *const names[] = {"bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
	                                    "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
	                                    "complex64", "complex128", "string", "byte", "rune", "error", "any",
	                                    "comparable", "true", "false", "iota", "nil", "append", "cap", "clear",
	                                    "close", "complex", "copy", "delete", "imag", "len", "make", "max",
	                                    "min", "new", "panic", "print", "println", "real", "recover"};
	bool all = true;
	for (size_t i = 0; i < ARRAY_LEN(names); i++) all &= types_scope_lookup(types_universe, nm(names[i])) != NULL;
	CHECK("universe/predeclared", all);
	CHECK("universe/count", types_universe->len == ARRAY_LEN(names));
	static const char *const unsafe_names[] = {"Pointer", "Add", "Alignof", "Offsetof", "Sizeof",
	                                           "Slice", "SliceData", "String", "StringData"};
	all = true;
	for (size_t i = 0; i < ARRAY_LEN(unsafe_names); i++) {
		Object *o = types_scope_lookup(types_unsafe->scope, nm(unsafe_names[i]));
		all &= o != NULL && o->pkg == types_unsafe;
	}
	CHECK("universe/unsafe", all && types_scope_lookup(types_universe, nm("Pointer")) == NULL);
	CHECK("universe/no-untyped-names", types_scope_lookup(types_universe, nm("untyped int")) == NULL);
	CHECK("universe/byte-is-uint8", types_identical(types_byte, T(BK_UINT8)) && types_byte != T(BK_UINT8));
	CHECK("universe/rune-is-int32", types_identical(types_rune, T(BK_INT32)));
	CHECK("universe/byte-name", str_is(types_byte, "byte") && str_is(types_rune, "rune"));
	CHECK("universe/any", str_is(types_any, "any") && types_unalias(types_any) == types_empty_iface);
	CHECK("universe/any-identical-iface{}", types_identical(types_any, types_new_interface(&A, NULL, 0, NULL, 0)));
	CHECK("universe/error", str_is(types_error, "error") && types_under(types_error)->iface.methods.len == 1);
	CHECK("universe/error-method", str_is(types_under(types_error)->iface.methods.data[0]->type, "func() string"));
	CHECK("universe/comparable", str_is(types_under(types_comparable), "interface{comparable}") &&
	                                 types_typeset(types_comparable)->comparable);
	CHECK("universe/unsafe.Pointer", str_is(T(BK_UNSAFE_POINTER), "unsafe.Pointer"));
	CHECK("universe/untyped", str_is(T(BK_UNTYPED_FLOAT), "untyped float") && types_is_untyped(T(BK_UNTYPED_NIL)));
	CHECK("universe/is-alias", types_obj_is_alias(types_scope_lookup(types_universe, nm("byte"))) &&
	                               types_obj_is_alias(types_scope_lookup(types_universe, nm("any"))) &&
	                               !types_obj_is_alias(types_scope_lookup(types_universe, nm("int"))) &&
	                               !types_obj_is_alias(types_scope_lookup(types_universe, nm("error"))) &&
	                               !types_obj_is_alias(types_scope_lookup(types_unsafe->scope, nm("Pointer"))));
	{
		static const struct { const char *name, *want; } objs[] = {
			{"any", "type any = interface{}"}, {"int", "type int"}, {"byte", "type byte"},
			{"error", "type error interface{Error() string}"}, {"comparable", "type comparable interface{comparable}"},
			{"true", "const true untyped bool"}, {"nil", "nil"}, {"len", "builtin len"},
		};
		bool ok = true;
		for (size_t i = 0; i < ARRAY_LEN(objs); i++) {
			char *s = types_object_string(types_scope_lookup(types_universe, nm(objs[i].name)));
			if (strcmp(s, objs[i].want) != 0) { printf("   got %s, want %s\n", s, objs[i].want); ok = false; }
			free(s);
		}
		char *s = types_object_string(types_scope_lookup(types_unsafe->scope, nm("Pointer")));
		ok &= strcmp(s, "type unsafe.Pointer") == 0;
		free(s);
		CHECK("universe/object-strings", ok);
	}
	Object *iota = types_scope_lookup(types_universe, nm("iota"));
	CHECK("universe/iota", iota == types_universe_iota && iota->kind == OBJ_CONST && const_sign(iota->cnst.val) == 0);
	Object *ap = types_scope_lookup(types_universe, nm("append"));
	CHECK("universe/builtin", ap->kind == OBJ_BUILTIN && ap->builtin.id == BI_APPEND && types_builtins[BI_APPEND].variadic);
	CHECK("universe/default", types_default(T(BK_UNTYPED_RUNE)) == types_rune && types_default(T(BK_UNTYPED_INT)) == T(BK_INT));
}

static void test_scopes(void)
{
	Scope *fn = types_new_scope(&A, pkg->scope, (Pos){1, 100}, (Pos){1, 500}, "function");
	Scope *blk = types_new_scope(&A, fn, (Pos){1, 200}, (Pos){1, 300}, "block");
	Object *x1 = types_new_var(&A, VK_LOCAL, pkg, (Pos){1, 110}, nm("x"), T(BK_INT));
	x1->scope_pos = (Pos){1, 115};
	types_scope_insert(fn, x1);
	Object *x2 = types_new_var(&A, VK_LOCAL, pkg, (Pos){1, 250}, nm("x"), T(BK_STRING));
	x2->scope_pos = (Pos){1, 255};
	types_scope_insert(blk, x2);
	const Scope *s;
	CHECK("scope/before-inner-decl", types_scope_lookup_parent(blk, nm("x"), (Pos){1, 210}, &s) == x1 && s == fn);
	CHECK("scope/after-inner-decl", types_scope_lookup_parent(blk, nm("x"), (Pos){1, 260}, &s) == x2 && s == blk);
	CHECK("scope/no-pos", types_scope_lookup_parent(blk, nm("x"), (Pos){0, 0}, NULL) == x2);
	CHECK("scope/universe", types_scope_lookup_parent(blk, nm("int"), (Pos){1, 260}, NULL)->type == T(BK_INT));
	CHECK("scope/innermost", types_scope_innermost(pkg->scope, (Pos){1, 250}) == blk &&
	                             types_scope_innermost(pkg->scope, (Pos){1, 400}) == fn);
	Object *dup = types_new_var(&A, VK_LOCAL, pkg, (Pos){1, 120}, nm("x"), T(BK_INT));
	CHECK("scope/duplicate", types_scope_insert(fn, dup) == x1);
	CHECK("scope/blank", types_scope_insert(fn, types_new_var(&A, VK_LOCAL, pkg, (Pos){0, 0}, nm("_"), T(BK_INT))) == NULL &&
	                         types_scope_lookup(fn, nm("_")) == NULL);
	/* many names: the hashed index */
	Scope *big = types_new_scope(&A, NULL, (Pos){0, 0}, (Pos){0, 0}, "big");
	bool ok = true;
	char buf[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(buf, sizeof buf, "v%d", i);
		ok &= types_scope_insert(big, types_new_var(&A, VK_LOCAL, pkg, (Pos){0, 0}, nm(buf), T(BK_INT))) == NULL;
	}
	for (int i = 0; i < 1000; i++) {
		snprintf(buf, sizeof buf, "v%d", i);
		Object *o = types_scope_lookup(big, nm(buf));
		ok &= o && strcmp(o->name->s, buf) == 0;
	}
	CHECK("scope/many", ok && big->len == 1000 && types_scope_lookup(big, nm("v1000")) == NULL);
	CHECK("scope/order", strcmp(big->elems[0]->name->s, "v0") == 0 && strcmp(big->elems[999]->name->s, "v999") == 0);
}

static void test_typesets(void)
{
	/* interface{ ~int | string; int }: ~int ∩ int = int, string ∩ int = ∅ → {int} */
	Term t1[] = {{true, T(BK_INT)}, {false, T(BK_STRING)}};
	Type *u1 = types_new_union(&A, t1, 2);
	Type *emb[] = {u1, T(BK_INT)};
	Type *i1 = types_new_interface(&A, NULL, 0, emb, 2);
	TypeSet *ts = types_typeset(i1);
	CHECK("typeset/intersect", !ts->all && ts->nterms == 1 && !ts->terms[0].tilde && ts->terms[0].type == T(BK_INT));
	/* interface{ int; string } is empty */
	Type *emb2[] = {T(BK_INT), T(BK_STRING)};
	ts = types_typeset(types_new_interface(&A, NULL, 0, emb2, 2));
	CHECK("typeset/empty", !ts->all && ts->nterms == 0);
	/* ~int | int normalizes to ~int */
	Term t3[] = {{false, T(BK_INT)}, {true, T(BK_INT)}};
	ts = types_typeset(iface_terms(t3, 2));
	CHECK("typeset/normalize", ts->nterms == 1 && ts->terms[0].tilde);
	/* interface{ comparable; ~int | []int } keeps only ~int and drops comparable */
	Term t4[] = {{true, T(BK_INT)}, {false, types_new_slice(&A, T(BK_INT))}};
	Type *emb4[] = {types_comparable, types_new_union(&A, t4, 2)};
	ts = types_typeset(types_new_interface(&A, NULL, 0, emb4, 2));
	CHECK("typeset/comparable-filter", ts->nterms == 1 && ts->terms[0].tilde && !ts->comparable);
	/* embedded interfaces merge methods; any | int is all types */
	Term t5[] = {{false, types_any}, {false, T(BK_INT)}};
	ts = types_typeset(iface_terms(t5, 2));
	CHECK("typeset/any-union", ts->all);
	CHECK("typeset/empty-iface", types_is_empty_iface(types_any) && !types_iface_is_constraint(types_error) &&
	                                 types_iface_is_constraint(types_comparable));
	/* constraint printing: implicit interfaces print their single term */
	Type *impl = iface_terms(t3, 2);
	impl->iface.implicit = true;
	CHECK("typestring/implicit", str_is(impl, "int | ~int"));
}

static Type *tparam(const char *name, Type *bound)
{
	Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nm(name), NULL);
	return types_new_typeparam(&A, o, bound);
}

static void test_core_types(void)
{
	Type *sl = types_new_slice(&A, T(BK_INT));
	Type *myslice = named("MySlice", sl);
	Term t1[] = {{true, sl}, {false, myslice}};
	Type *p1 = tparam("P", iface_terms(t1, 2));
	CHECK("core/tilde-slices", types_identical(types_core_type(p1), sl));
	Term t2[] = {{false, types_new_chan(&A, CHAN_SEND_RECV, T(BK_INT))}, {false, types_new_chan(&A, CHAN_RECV, T(BK_INT))}};
	Type *p2 = tparam("C", iface_terms(t2, 2));
	Type *c = types_core_type(p2);
	CHECK("core/chan-direction", c && c->kind == TY_CHAN && c->chan.dir == CHAN_RECV);
	Term t3[] = {{false, types_new_chan(&A, CHAN_SEND, T(BK_INT))}, {false, types_new_chan(&A, CHAN_RECV, T(BK_INT))}};
	CHECK("core/chan-conflict", types_core_type(tparam("D", iface_terms(t3, 2))) == NULL);
	Term t4[] = {{false, T(BK_INT)}, {false, T(BK_STRING)}};
	Type *p4 = tparam("E", iface_terms(t4, 2));
	CHECK("core/none", types_core_type(p4) == NULL);
	CHECK("core/any", types_core_type(tparam("F", types_any)) == NULL);
	CHECK("core/plain", types_core_type(myslice) == sl);
	CHECK("ordered/tparam", types_is_ordered(p4) && !types_is_ordered(p1));
	CHECK("comparable/tparam", types_comparable_type(p4) && !types_comparable_type(p1) &&
	                               types_comparable_type(tparam("G", types_comparable)));
	CHECK("assign/tparam-nil", types_assignable(T(BK_UNTYPED_NIL), p1) && !types_assignable(T(BK_UNTYPED_NIL), p4));
	CHECK("convert/tparam", types_convertible(p4, T(BK_STRING)) && !types_convertible(p4, T(BK_FLOAT64)));
	CHECK("assign/untyped", types_assignable(T(BK_UNTYPED_BOOL), named("B", T(BK_BOOL))) &&
	                            !types_assignable(T(BK_UNTYPED_STRING), T(BK_INT)) &&
	                            types_assignable(T(BK_UNTYPED_INT), types_any));
}

static void test_lookup(void)
{
	/* type In struct{ f int }; func (*In) PM(); func (In) VM()
	 * type Out struct{ In; g int }; type Amb struct{ A1; A2 } with A1, A2 both having field f */
	Type *inner = named("In", NULL);
	Object *f = field("f", T(BK_INT), false);
	types_named_set_underlying(inner, types_new_struct(&A, &f, NULL, 1));
	Object *rp = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, NULL, types_new_pointer(&A, inner));
	types_named_add_method(&A, inner, types_new_func(&A, pkg, (Pos){0, 0}, nm("PM"), types_new_signature(&A, rp, NULL, NULL, false)));
	Object *rv = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, NULL, inner);
	types_named_add_method(&A, inner, types_new_func(&A, pkg, (Pos){0, 0}, nm("VM"), types_new_signature(&A, rv, NULL, NULL, false)));
	Object *of[] = {field("In", inner, true), field("g", T(BK_STRING), false)};
	Type *out = named("Out", types_new_struct(&A, of, NULL, 2));
	LookupResult r = types_lookup_field_or_method(&A, out, false, pkg, nm("f"));
	CHECK("lookup/promoted-field", r.obj == f && r.nindex == 2 && r.index[0] == 0 && r.index[1] == 0 && !r.indirect);
	r = types_lookup_field_or_method(&A, out, false, pkg, nm("PM"));
	CHECK("lookup/ptr-method-needs-addr", r.obj == NULL && r.needs_addr);
	r = types_lookup_field_or_method(&A, out, true, pkg, nm("PM"));
	CHECK("lookup/ptr-method-addressable", r.obj && r.obj->name == nm("PM"));
	r = types_lookup_field_or_method(&A, types_new_pointer(&A, out), false, pkg, nm("PM"));
	CHECK("lookup/ptr-method-via-pointer", r.obj && r.indirect);
	Package *other = types_new_package(&A, "other/q", nm("q"));
	r = types_lookup_field_or_method(&A, out, false, other, nm("f"));
	CHECK("lookup/unexported-other-package", r.obj == NULL && !r.ambiguous);
	Object *a1f = field("f", T(BK_INT), false), *a2f = field("f", T(BK_INT), false);
	Type *a1 = named("A1", types_new_struct(&A, &a1f, NULL, 1)), *a2 = named("A2", types_new_struct(&A, &a2f, NULL, 1));
	Object *af[] = {field("A1", a1, true), field("A2", a2, true)};
	Type *amb = named("Amb", types_new_struct(&A, af, NULL, 2));
	r = types_lookup_field_or_method(&A, amb, false, pkg, nm("f"));
	CHECK("lookup/ambiguous", r.obj == NULL && r.ambiguous);
	/* shallower wins over ambiguity deeper down */
	Object *sf[] = {field("Amb", amb, true), field("f", T(BK_BOOL), false)};
	Type *shallow = named("Sh", types_new_struct(&A, sf, NULL, 2));
	r = types_lookup_field_or_method(&A, shallow, false, pkg, nm("f"));
	CHECK("lookup/shallow-wins", r.obj == sf[1] && r.nindex == 1);
	/* named pointer types have no methods */
	Type *pn = named("PN", types_new_pointer(&A, inner));
	CHECK("lookup/named-pointer", types_lookup_field_or_method(&A, pn, false, pkg, nm("VM")).obj == NULL &&
	                                  types_lookup_field_or_method(&A, pn, false, pkg, nm("f")).obj == f);
	/* recursive embedding through pointers terminates */
	Type *rec = named("Rec", NULL);
	Object *rf = field("Rec", types_new_pointer(&A, rec), true);
	types_named_set_underlying(rec, types_new_struct(&A, &rf, NULL, 1));
	CHECK("lookup/recursive", types_lookup_field_or_method(&A, rec, false, pkg, nm("zz")).obj == NULL);
	bool wrong, ptr;
	Object *m = types_missing_method(&A, inner, types_new_interface(&A, (Object *[]){types_new_func(&A, pkg, (Pos){0, 0}, nm("PM"), types_new_signature(&A, NULL, NULL, NULL, false))}, 1, NULL, 0), &wrong, &ptr);
	CHECK("lookup/missing-ptr-recv", m && ptr && !wrong);
}

static void test_instances(void)
{
	/* type Box[T any] struct{ v T; next *Box[T] } */
	Type *tp = tparam("T", types_any);
	Type *box = named("Box", NULL);
	types_named_set_tparams(&A, box, &tp, 1);
	Type *self = types_instantiate(&A, box, &tp, 1);
	Object *bf[] = {field("v", tp, false), field("next", types_new_pointer(&A, self), false)};
	types_named_set_underlying(box, types_new_struct(&A, bf, NULL, 2));
	Type *arg = T(BK_INT);
	Type *b1 = types_instantiate(&A, box, &arg, 1), *b2 = types_instantiate(&A, box, &arg, 1);
	CHECK("inst/dedup", b1 == b2);
	CHECK("inst/string", str_is(b1, "example.com/p.Box[int]") && str_is(box, "example.com/p.Box[T any]"));
	CHECK("inst/underlying", str_is(types_under(b1), "struct{v int; next *example.com/p.Box[int]}"));
	CHECK("inst/size", types_sizeof(b1) == 16 && types_alignof(b1) == 8);
	Type *sarg = T(BK_STRING);
	Type *b3 = types_instantiate(&A, box, &sarg, 1);
	CHECK("inst/distinct", !types_identical(b1, b3) && types_identical(b1, b2));
	CHECK("inst/wrong-arity", types_instantiate(&A, box, NULL, 0) == T(BK_INVALID));
	/* an instance made before its origin's underlying type is known expands later */
	Type *tq = tparam("Q", types_any);
	Type *late = named("Late", NULL);
	types_named_set_tparams(&A, late, &tq, 1);
	Type *li = types_instantiate(&A, late, &arg, 1);
	bool early_invalid = types_under(li) == T(BK_INVALID);
	types_named_set_underlying(late, types_new_slice(&A, tq));
	CHECK("inst/late-underlying", early_invalid && str_is(types_under(li), "[]int"));
	/* generic signature instantiation */
	Object *px = types_new_param(&A, pkg, (Pos){0, 0}, nm("x"), tp);
	Object *rx = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, types_new_slice(&A, tp));
	Type *sig = types_new_signature(&A, NULL, types_new_tuple(&A, &px, 1), types_new_tuple(&A, &rx, 1), false);
	types_sig_set_tparams(&A, sig, &tp, 1);
	CHECK("inst/generic-sig", str_is(sig, "func[T any](x T) []T"));
	CHECK("inst/sig", str_is(types_instantiate(&A, sig, &sarg, 1), "func(x string) []string"));
	/* generic alias: type Vec[E any] = []E */
	Type *ep = tparam("E", types_any);
	Object *vo = types_new_typename(&A, pkg, (Pos){0, 0}, nm("Vec"), NULL);
	Type *vec = types_new_alias(&A, vo, types_new_slice(&A, ep));
	types_alias_set_tparams(&A, vec, &ep, 1);
	Type *vi = types_instantiate(&A, vec, &arg, 1);
	CHECK("inst/alias", str_is(vi, "example.com/p.Vec[int]") && str_is(types_unalias(vi), "[]int") &&
	                        str_is(vec, "example.com/p.Vec[E any]"));
	/* identity of generic signatures renames type parameters */
	Type *up = tparam("U", types_any);
	Object *py = types_new_param(&A, pkg, (Pos){0, 0}, nm("y"), up);
	Object *ry = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, types_new_slice(&A, up));
	Type *sig2 = types_new_signature(&A, NULL, types_new_tuple(&A, &py, 1), types_new_tuple(&A, &ry, 1), false);
	types_sig_set_tparams(&A, sig2, &up, 1);
	CHECK("identical/generic-sig", types_identical(sig, sig2));
}

/* The type of field i of the underlying struct of t. */
static Type *field_type(Type *t, uint32_t i)
{
	Type *u = types_under(t);
	return u->kind == TY_STRUCT && i < u->strct.fields.len ? u->strct.fields.data[i]->type : NULL;
}

static void test_inst_cycles(void)
{
	/* type G[P any] struct{ a [1]G[[1]P]; b [1]G[[1]G[[1]P]]; c *G[[]P] }: an instantiation
	 * cycle (rejected by go/types); the growing instances expand to the invalid type */
	Type *p = tparam("P", types_any);
	Type *g = named("G", NULL);
	types_named_set_tparams(&A, g, &p, 1);
	Type *a1 = types_new_array(&A, p, 1);
	Type *ga = types_instantiate(&A, g, &a1, 1);
	Type *a2 = types_new_array(&A, ga, 1), *sl = types_new_slice(&A, p);
	Type *gb = types_instantiate(&A, g, &a2, 1);
	Object *gf[] = {field("a", types_new_array(&A, ga, 1), false), field("b", types_new_array(&A, gb, 1), false),
	                field("c", types_new_pointer(&A, types_instantiate(&A, g, &sl, 1)), false)};
	types_named_set_underlying(g, types_new_struct(&A, gf, NULL, 3));
	Type *arg = T(BK_INT);
	Type *gi = types_instantiate(&A, g, &arg, 1);
	CHECK("inst-cycle/size", types_sizeof(gi) == 24);
	CHECK("inst-cycle/cut", field_type(gi, 0)->array.elem == T(BK_INVALID) && field_type(gi, 1)->array.elem == T(BK_INVALID) &&
	                            field_type(gi, 2)->pointer.elem == T(BK_INVALID));
	/* type Pair[K, V any] struct{ inv *Pair[V, K] }: swapping is not growing */
	Type *kv[] = {tparam("K", types_any), tparam("V", types_any)};
	Type *pair = named("Pair", NULL);
	types_named_set_tparams(&A, pair, kv, 2);
	Type *vk[] = {kv[1], kv[0]};
	Object *pf = field("inv", types_new_pointer(&A, types_instantiate(&A, pair, vk, 2)), false);
	types_named_set_underlying(pair, types_new_struct(&A, &pf, NULL, 1));
	Type *is[] = {T(BK_INT), T(BK_STRING)};
	Type *pi = types_instantiate(&A, pair, is, 2);
	Type *inv = field_type(pi, 0)->pointer.elem;
	CHECK("inst-cycle/swap", str_is(inv, "example.com/p.Pair[string, int]") && field_type(inv, 0)->pointer.elem == pi);
	/* type C[Q any] struct{ x Q; c *C[[]string] }: a constant argument is not a cycle */
	Type *q = tparam("Q", types_any);
	Type *c = named("C", NULL);
	types_named_set_tparams(&A, c, &q, 1);
	Type *ss = types_new_slice(&A, T(BK_STRING));
	Object *cf[] = {field("x", q, false), field("c", types_new_pointer(&A, types_instantiate(&A, c, &ss, 1)), false)};
	types_named_set_underlying(c, types_new_struct(&A, cf, NULL, 2));
	Type *sarg = T(BK_STRING);
	Type *ci = types_instantiate(&A, c, &sarg, 1);
	CHECK("inst-cycle/constant-arg", str_is(field_type(ci, 1)->pointer.elem, "example.com/p.C[[]string]"));
	/* type D[R any] struct{ e *E[[]R] }; type E[S any] struct{ s S }: growth without a cycle */
	Type *r = tparam("R", types_any), *s = tparam("S", types_any);
	Type *d = named("D", NULL), *e = named("E", NULL);
	types_named_set_tparams(&A, d, &r, 1);
	types_named_set_tparams(&A, e, &s, 1);
	types_named_set_underlying(e, types_new_struct(&A, (Object *[]){field("s", s, false)}, NULL, 1));
	Type *rs = types_new_slice(&A, r);
	Object *df = field("e", types_new_pointer(&A, types_instantiate(&A, e, &rs, 1)), false);
	types_named_set_underlying(d, types_new_struct(&A, &df, NULL, 1));
	Type *di = types_instantiate(&A, d, &arg, 1);
	CHECK("inst-cycle/chain", str_is(types_under(field_type(di, 0)->pointer.elem), "struct{s []int}"));
}

/* unions of unions (only malformed input builds them) flatten once each: 60 levels of
 * U(n+1) = U(n) | U(n) | ~U(n) stay linear */
static Type *nested_union(int depth)
{
	Term base[] = {{false, T(BK_INT)}, {false, T(BK_STRING)}, {true, T(BK_BOOL)}};
	Type *u = types_new_union(&A, base, 3);
	for (int i = 0; i < depth; i++) {
		Term ts[] = {{false, u}, {false, u}, {true, u}};
		u = types_new_union(&A, ts, 3);
	}
	return u;
}

static void test_nested_unions(void)
{
	Type *u = nested_union(60), *v = nested_union(60);
	TypeSet *ts = types_typeset(types_new_interface(&A, NULL, 0, &u, 1));
	CHECK("union/nested-typeset", !ts->all && ts->nterms == 3);
	CHECK("union/nested-identical", types_identical(u, v) && !types_identical(u, nested_union(0)));
}

static void test_const_codes(void)
{
	ConstVal *r = NULL;
	ConstVal *v300 = const_from_literal(&A, "300", 3, 'i'), *vf = const_from_literal(&A, "1.5", 3, 'f');
	CHECK("const/overflows", const_representation(&A, v300, T(BK_UNTYPED_INT), BK_UINT8, &r) == CREP_OVERFLOW);
	CHECK("const/truncated", const_representation(&A, vf, T(BK_UNTYPED_FLOAT), BK_INT, &r) == CREP_TRUNCATED);
	CHECK("const/invalid", const_representation(&A, const_make_string(&A, "x", 1), T(BK_UNTYPED_STRING), BK_INT, &r) == CREP_INVALID);
	CHECK("const/ok", const_representation(&A, v300, T(BK_UNTYPED_INT), BK_INT16, &r) == CREP_OK && r != NULL);
	ConstVal *cv = NULL;
	CHECK("const/convert-rune", const_convert(&A, const_make_int64(&A, 0x41), T(BK_UNTYPED_INT), BK_STRING, &cv) &&
	                                cv->kind == CK_STRING && cv->str.len == 1 && cv->str.s[0] == 'A');
	CHECK("const/convert-bad-rune", const_convert(&A, const_make_int64(&A, -1), T(BK_INT), BK_STRING, &cv) &&
	                                    cv->str.len == 3 && memcmp(cv->str.s, "\xef\xbf\xbd", 3) == 0);
	CHECK("const/convert-surrogate", const_convert(&A, const_make_int64(&A, 0xD800), T(BK_INT), BK_STRING, &cv) &&
	                                     memcmp(cv->str.s, "\xef\xbf\xbd", 3) == 0);
	CHECK("const/convert-float", const_convert(&A, vf, T(BK_UNTYPED_FLOAT), BK_FLOAT32, &cv) && cv->kind == CK_FLOAT &&
	                                 !const_convert(&A, vf, T(BK_UNTYPED_FLOAT), BK_INT, &cv));
	ConstVal *big = const_shift(&A, const_make_int64(&A, 1), COP_SHL, 512);
	CHECK("const/untyped-overflow", const_untyped_overflows(big) &&
	                                    !const_untyped_overflows(const_shift(&A, const_make_int64(&A, 1), COP_SHL, 511)));
}

static void test_ptrdata(void)
{
	/* gc's NotInHeap: pointers to internal/runtime/sys.nih (and types containing it) are not
	 * pointers for the garbage collector */
	Package *sys = types_new_package(&A, "internal/runtime/sys", nm("sys"));
	Object *o = types_new_typename(&A, sys, (Pos){0, 0}, nm("nih"), NULL);
	Type *nih = types_new_named(&A, o, types_new_struct(&A, NULL, NULL, 0));
	Object *f[] = {field("_", nih, false), field("n", T(BK_INT), false)};
	Type *nihs = named("NIH", types_new_struct(&A, f, NULL, 2));
	CHECK("ptrdata/notinheap", types_ptrdata(types_new_pointer(&A, nihs)) == 0 &&
	                               types_ptrdata(types_new_slice(&A, nihs)) == 0 &&
	                               types_ptrdata(types_new_pointer(&A, T(BK_INT))) == 8);
	Object *g[] = {field("a", T(BK_INT), false), field("s", T(BK_STRING), false), field("b", T(BK_INT), false)};
	CHECK("ptrdata/struct", types_ptrdata(types_new_struct(&A, g, NULL, 3)) == 16 &&
	                            !types_has_pointers(types_new_array(&A, T(BK_INT), 4)) &&
	                            types_ptrdata(types_new_array(&A, types_new_struct(&A, g, NULL, 3), 3)) == 80);
}

static void test_misc(void)
{
	CHECK("exported/ascii", types_is_exported(nm("Foo")) && !types_is_exported(nm("foo")) && !types_is_exported(nm("_X")));
	CHECK("exported/unicode", types_is_exported(nm("\xc3\x84pfel")) && !types_is_exported(nm("\xc3\xa4pfel")) &&
	                              types_is_exported(nm("\xce\x94x")));
	Type *huge = types_new_array(&A, T(BK_INT64), INT64_C(1) << 61);
	CHECK("sizes/overflow", types_sizeof(huge) == -1);
	Object *hf[] = {field("a", huge, false), field("b", T(BK_INT8), false)};
	Type *hs = types_new_struct(&A, hf, NULL, 2);
	CHECK("sizes/overflow-struct", types_sizeof(hs) == -1 && types_offsetof_field(hs, 1) == -1);
	CHECK("sizes/untyped-safe", types_sizeof(T(BK_UNTYPED_INT)) == 8);
	/* type X Y resolved before Y: X's underlying type is found once Y's is set */
	Type *y = named("Ylate", NULL), *x = named("Xlate", y);
	bool early = types_under(x) == T(BK_INVALID);
	types_named_set_underlying(y, T(BK_STRING));
	CHECK("under/late-chain", early && types_under(x) == T(BK_STRING));
	/* cycles: type C C (invalid) has an invalid underlying type, never loops */
	Type *c = named("Cyc", NULL);
	types_named_set_underlying(c, c);
	CHECK("under/cycle", types_under(c) == T(BK_INVALID));
	/* a struct containing itself directly (malformed): printing ends */
	Object *sf = field("s", NULL, false);
	Type *st = types_new_struct(&A, &sf, NULL, 1);
	sf->type = st;
	char *s = types_string(st);
	CHECK("typestring/cycle", strstr(s, "<cycle to Struct>") != NULL);
	free(s);
	/* deep nesting prints without exhausting the stack */
	Type *deep = T(BK_INT);
	for (int i = 0; i < 100000; i++) deep = types_new_pointer(&A, deep);
	s = types_string(deep);
	CHECK("typestring/deep", strstr(s, "<...>") != NULL);
	free(s);
	CHECK("identical/deep", types_identical(deep, deep));
	/* type parameter named like a predeclared type */
	CHECK("typestring/tparam-shadow", str_is(tparam("int", types_any), "int/* type parameter */"));
	/* tuples and channel corner cases */
	Object *vs[] = {types_new_var(&A, VK_LOCAL, pkg, (Pos){0, 0}, NULL, T(BK_INT)),
	                types_new_var(&A, VK_LOCAL, pkg, (Pos){0, 0}, NULL, types_error)};
	CHECK("typestring/tuple", str_is(types_new_tuple(&A, vs, 2), "(int, error)"));
	CHECK("typestring/chan-parens",
	      str_is(types_new_chan(&A, CHAN_SEND_RECV, types_new_chan(&A, CHAN_RECV, T(BK_INT))), "chan (<-chan int)"));
	Object *ap[] = {types_new_param(&A, NULL, (Pos){0, 0}, NULL, types_new_slice(&A, T(BK_INT))),
	                types_new_param(&A, NULL, (Pos){0, 0}, NULL, T(BK_STRING))};
	CHECK("typestring/variadic-string", str_is(types_new_signature(&A, NULL, types_new_tuple(&A, ap, 2), NULL, true), "func([]int, string...)"));
	CHECK("typestring/empty-union", str_is(types_new_union(&A, NULL, 0), "<empty union>"));
}

void types_quote(TypesBuf *b, const char *s, size_t n); /* typestring.c */

/* strconv.Quote: expected strings from Go (fmt.Println(strconv.Quote(s))) */
static void check_quote(const char *name, const char *s, const char *want)
{
	TypesBuf b = {0};
	types_quote(&b, s, strlen(s));
	vec_push(&b, 0);
	CHECK(name, strcmp(b.data, want) == 0);
	if (strcmp(b.data, want) != 0)
		printf("  got %s want %s\n", b.data, want);
	vec_free(&b);
}

int main(void)
{
	check_quote("quote/plain", "a\"b\\", "\"a\\\"b\\\\\"");
	check_quote("quote/controls", "\a\n\x01\x7f", "\"\\a\\n\\x01\\x7f\"");
	check_quote("quote/printable", "caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\"");
	check_quote("quote/unassigned", "\xcd\xb8", "\"\\u0378\"");         /* U+0378: not IsPrint */
	check_quote("quote/nbsp", "\xc2\xa0", "\"\\u00a0\"");
	check_quote("quote/astral", "\xf0\x9f\x98\x80\xf3\xa0\x80\x81", "\"\xf0\x9f\x98\x80\\U000e0001\"");
	check_quote("quote/bad-byte", "\xff", "\"\\xff\"");
	intern_init(&in);
	types_universe_init(&in);
	arena_init(&A);
	pkg = types_new_package(&A, "example.com/p", nm("p"));
	test_universe();
	test_scopes();
	test_typesets();
	test_core_types();
	test_lookup();
	test_instances();
	test_inst_cycles();
	test_nested_unions();
	test_misc();
	test_const_codes();
	test_ptrdata();
	arena_free(&A);
	return check_failures != 0;
}
