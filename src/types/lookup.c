/*
 * lookup.c: field and method lookup with embedding and promotion (spec "Selectors",
 * "Method sets", "Struct types"), after go/types' lookup.go (LookupFieldOrMethod,
 * lookupFieldOrMethodImpl, consolidateMultiples, missingMethod) and methodset.go.
 *
 * The search is breadth-first by embedding depth: at each depth, named types contribute
 * their declared methods, structs their fields (embedded fields queue the next depth),
 * interfaces their type set's methods. Two matches at the shallowest depth, or one reached
 * through several paths, are ambiguous. Each named type is searched once (cycles through
 * embedded pointers end there). A method with a pointer receiver found on a value that is
 * neither addressable nor reached through a pointer is reported as needs_addr.
 */
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

typedef struct Embedded {
	Type *type;
	uint32_t *index;
	uint32_t nindex;
	bool indirect;
	bool multiples;
} Embedded;

typedef Vec(Embedded) EmbVec;
typedef Vec(Type *) TypeVec;

static Type *deref(Type *t, bool *is_ptr)
{
	Type *u = types_unalias(t);
	if (u && u->kind == TY_POINTER) {
		*is_ptr = true;
		return u->pointer.elem;
	}
	*is_ptr = false;
	return t;
}

static uint32_t *concat(Arena *a, const uint32_t *idx, uint32_t n, uint32_t i)
{
	uint32_t *r = ARENA_ARRAY(a, uint32_t, n + 1);
	if (n) memcpy(r, idx, n * sizeof *r);
	r[n] = i;
	return r;
}

static bool seen_named(TypeVec *seen, Type *n)
{
	for (size_t i = 0; i < seen->len; i++)
		if (types_identical(seen->data[i], n)) return true;
	return false;
}

/* consolidateMultiples: one entry per identical type, with multiples set when repeated. */
static void consolidate(EmbVec *next)
{
	size_t k = 0;
	for (size_t i = 0; i < next->len; i++) {
		Embedded e = next->data[i];
		bool merged = false;
		for (size_t j = 0; j < k; j++) {
			if (types_identical(next->data[j].type, e.type)) {
				next->data[j].multiples = true;
				merged = true;
				break;
			}
		}
		if (!merged) next->data[k++] = e;
	}
	next->len = k;
}

static LookupResult lookup_impl(Arena *a, Type *t, bool addressable, Package *pkg, Name *name)
{
	LookupResult res = {0};
	if (!name || (name->len == 1 && name->s[0] == '_')) return res;
	bool is_ptr;
	Type *typ = deref(t, &is_ptr);
	/* *T where T is an interface (or type parameter's interface) has no methods */
	if (is_ptr && types_is_interface(typ)) return res;

	EmbVec current = {0}, next = {0};
	TypeVec seen = {0};
	vec_push(&current, ((Embedded){typ, NULL, 0, is_ptr, false}));
	int depth = 0;
	while (current.len && depth++ < 1000) {
		vec_clear(&next);
		for (size_t ci = 0; ci < current.len; ci++) {
			Embedded e = current.data[ci];
			Type *et = types_unalias(e.type);
			if (et && et->kind == TY_NAMED) {
				if (seen_named(&seen, et)) continue;
				vec_push(&seen, et);
				ObjList ms = types_named_methods(et);
				bool found = false;
				for (uint32_t i = 0; i < ms.len; i++) {
					if (types_same_id(ms.data[i], pkg, name)) {
						if (res.obj || e.multiples) goto ambiguous;
						res.obj = ms.data[i];
						res.index = concat(a, e.index, e.nindex, i);
						res.nindex = e.nindex + 1;
						res.indirect = e.indirect;
						found = true;
						break;
					}
				}
				if (found) continue;
			}
			Type *u = types_under(e.type);
			if (u->kind == TY_STRUCT) {
				for (uint32_t i = 0; i < u->strct.fields.len; i++) {
					Object *f = u->strct.fields.data[i];
					if (types_same_id(f, pkg, name)) {
						if (res.obj || e.multiples) goto ambiguous;
						res.obj = f;
						res.index = concat(a, e.index, e.nindex, i);
						res.nindex = e.nindex + 1;
						res.indirect = e.indirect;
						continue;
					}
					if (!res.obj && (f->flags & VF_EMBEDDED)) {
						bool p;
						Type *ft = deref(f->type, &p);
						vec_push(&next, ((Embedded){ft, concat(a, e.index, e.nindex, i), e.nindex + 1,
						                            e.indirect || p, e.multiples}));
					}
				}
			} else if (u->kind == TY_INTERFACE) {
				TypeSet *ts = types_typeset(u);
				for (uint32_t i = 0; i < ts->methods.len; i++) {
					if (types_same_id(ts->methods.data[i], pkg, name)) {
						if (res.obj || e.multiples) goto ambiguous;
						res.obj = ts->methods.data[i];
						res.index = concat(a, e.index, e.nindex, i);
						res.nindex = e.nindex + 1;
						res.indirect = e.indirect;
						break;
					}
				}
			}
		}
		if (res.obj) {
			if (res.obj->kind == OBJ_FUNC && (res.obj->flags & FF_PTR_RECV) && !res.indirect && !addressable) {
				res.obj = NULL;
				res.needs_addr = true;
			}
			goto out;
		}
		consolidate(&next);
		EmbVec tmp = current;
		current = next;
		next = tmp;
	}
	goto out;
ambiguous:
	res.obj = NULL;
	res.ambiguous = true;
out:
	vec_free(&current);
	vec_free(&next);
	vec_free(&seen);
	return res;
}

LookupResult types_lookup_field_or_method(Arena *a, Type *t, bool addressable, Package *pkg, Name *name)
{
	/* methods of a named pointer type (type P *T) are not accessible; fields are */
	Type *n = types_unalias(t);
	if (n && n->kind == TY_NAMED) {
		Type *u = types_under(n);
		if (u->kind == TY_POINTER) {
			LookupResult r = lookup_impl(a, u, false, pkg, name);
			if (r.obj && r.obj->kind == OBJ_FUNC) return (LookupResult){0};
			return r;
		}
	}
	return lookup_impl(a, t, addressable, pkg, name);
}

/* ---- Method sets ---- */

typedef Vec(Object *) ObjVec;

static void collect_names(Type *t, ObjVec *cands, TypesSeen *seen, int depth)
{
	if (depth > 100) return;
	bool p;
	Type *typ = types_unalias(deref(t, &p));
	if (!typ || !types_seen_add(seen, typ, NULL)) return;
	if (typ->kind == TY_NAMED) {
		ObjList ms = types_named_methods(typ);
		for (uint32_t i = 0; i < ms.len; i++) vec_push(cands, ms.data[i]);
	}
	Type *u = types_under(typ);
	if (u->kind == TY_STRUCT) {
		for (uint32_t i = 0; i < u->strct.fields.len; i++)
			if (u->strct.fields.data[i]->flags & VF_EMBEDDED) collect_names(u->strct.fields.data[i]->type, cands, seen, depth + 1);
	} else if (u->kind == TY_INTERFACE) {
		TypeSet *ts = types_typeset(u);
		for (uint32_t i = 0; i < ts->methods.len; i++) vec_push(cands, ts->methods.data[i]);
	}
}

/* go/types MethodSet order: by Id ("name" when exported, else "path.name"). */
static int name_cmp(const void *x, const void *y)
{
	const Object *a = *(Object *const *)x, *b = *(Object *const *)y;
	char ia[1024], ib[1024];
	bool ea = (a->flags & OF_EXPORTED) || !a->pkg, eb = (b->flags & OF_EXPORTED) || !b->pkg;
	snprintf(ia, sizeof ia, "%s%s%s", ea ? "" : a->pkg->path, ea ? "" : ".", a->name->s);
	snprintf(ib, sizeof ib, "%s%s%s", eb ? "" : b->pkg->path, eb ? "" : ".", b->name->s);
	return strcmp(ia, ib);
}

ObjList types_method_set(Arena *a, Type *t)
{
	ObjVec cands = {0}, out = {0};
	TypesSeen seen = {0};
	/* pointer to interface: empty method set */
	bool p;
	Type *base = deref(t, &p);
	if (!(p && types_is_interface(base))) collect_names(t, &cands, &seen, 0);
	for (size_t i = 0; i < cands.len; i++) {
		Object *m = cands.data[i];
		bool dup = false;
		for (size_t j = 0; j < out.len && !dup; j++) dup = types_same_id(out.data[j], m->pkg, m->name);
		if (dup) continue;
		LookupResult r = types_lookup_field_or_method(a, t, false, m->pkg, m->name);
		if (r.obj && r.obj->kind == OBJ_FUNC) vec_push(&out, r.obj);
	}
	if (out.len) qsort(out.data, out.len, sizeof *out.data, name_cmp);
	ObjList l = {out.len ? arena_memdup(a, out.data, out.len * sizeof *out.data) : NULL, (uint32_t)out.len};
	vec_free(&cands);
	vec_free(&out);
	types_seen_free(&seen);
	return l;
}

/* missingMethod(V, T, static=true): the first method of T's type set that V lacks. */
Object *types_missing_method(Arena *a, Type *v, Type *iface, bool *wrong_type, bool *ptr_recv)
{
	*wrong_type = *ptr_recv = false;
	TypeSet *ts = types_typeset(iface);
	Type *vu = types_under(v);
	for (uint32_t i = 0; i < ts->methods.len; i++) {
		Object *m = ts->methods.data[i];
		Object *f = NULL;
		if (vu->kind == TY_INTERFACE && !types_is_typeparam(v)) {
			TypeSet *vs = types_typeset(vu);
			for (uint32_t j = 0; j < vs->methods.len && !f; j++)
				if (types_same_id(vs->methods.data[j], m->pkg, m->name)) f = vs->methods.data[j];
			if (!f) return m;
		} else {
			LookupResult r = types_lookup_field_or_method(a, v, false, m->pkg, m->name);
			if (r.needs_addr) {
				*ptr_recv = true;
				return m;
			}
			if (!r.obj || r.obj->kind != OBJ_FUNC) return m;
			f = r.obj;
		}
		if (!types_identical(f->type, m->type)) {
			*wrong_type = true;
			return m;
		}
	}
	return NULL;
}
