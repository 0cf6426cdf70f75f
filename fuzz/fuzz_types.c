/*
 * libFuzzer target for the type representation: the input is a bytecode that builds types
 * on a stack (basic types, composites, structs with embedded fields, interfaces with
 * methods and unions, named types whose underlying types may refer back to themselves,
 * generic types and instances), then exercises every query on the results: TypeString,
 * sizes, identity, comparability, assignability, conversion, core types, type sets, method
 * sets and lookups. Malformed type graphs (cycles the checker would reject) must never crash
 * or loop.
 */
#include "base/base.h"
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Interner in;
	static bool init;
	static Name *names[8];
	if (!init) {
		intern_init(&in);
		types_universe_init(&in);
		static const char *const ns[8] = {"A", "B", "c", "d", "M", "N", "_", "E"};
		for (int i = 0; i < 8; i++) names[i] = intern_cstr(&in, ns[i]);
		init = true;
	}
	if (size > 2048) return 0;
	Arena a;
	arena_init(&a);
	Package *pkg = types_new_package(&a, "f/p", intern_cstr(&in, "p"));
	Type *st[64];
	int sp = 0;
	Type *nameds[8] = {0};
	int nnamed = 0;
#define POP() (sp ? st[--sp] : types_typ[BK_INT])
#define PUSH(t) do { Type *t_ = (t); if (sp < 64) st[sp++] = t_; } while (0)
	for (size_t i = 0; i < size; i++) {
		uint8_t op = data[i] & 31, arg = data[i] >> 5;
		switch (op) {
		case 0: case 1: case 2: PUSH(types_typ[(data[i] >> 3) % BK_COUNT]); break;
		case 3: PUSH(types_new_pointer(&a, POP())); break;
		case 4: PUSH(types_new_slice(&a, POP())); break;
		case 5: PUSH(types_new_array(&a, POP(), (int64_t)arg * arg * 1000003 - 2)); break;
		case 6: { Type *e = POP(), *k = POP(); PUSH(types_new_map(&a, k, e)); break; }
		case 7: PUSH(types_new_chan(&a, (ChanDir)(arg % 3), POP())); break;
		case 8: case 9: {
			Object *fs[8];
			uint32_t n = arg % 8;
			for (uint32_t k = 0; k < n; k++)
				fs[k] = types_new_field(&a, pkg, (Pos){0, 0}, names[(k + arg) % 8], POP(), op == 9 && k == 0);
			PUSH(types_new_struct(&a, fs, NULL, n));
			break;
		}
		case 10: {
			Object *p = types_new_param(&a, pkg, (Pos){0, 0}, NULL, POP());
			Object *r = types_new_var(&a, VK_RESULT, pkg, (Pos){0, 0}, NULL, POP());
			PUSH(types_new_signature(&a, NULL, types_new_tuple(&a, &p, 1), types_new_tuple(&a, &r, 1), arg & 1));
			break;
		}
		case 11: case 12: {
			Object *ms[2];
			uint32_t nm = arg % 3 > 1 ? 2 : arg % 3;
			for (uint32_t k = 0; k < nm; k++) {
				Type *sig = POP();
				if (sig->kind != TY_SIGNATURE) sig = types_new_signature(&a, NULL, NULL, NULL, false);
				ms[k] = types_new_func(&a, pkg, (Pos){0, 0}, names[4 + k], sig);
			}
			Type *emb[2];
			uint32_t ne = op == 12 ? 1 + (arg & 1) : 0;
			for (uint32_t k = 0; k < ne; k++) emb[k] = POP();
			PUSH(types_new_interface(&a, ms, nm, emb, ne));
			break;
		}
		case 13: {
			Term ts[3];
			uint32_t n = 1 + arg % 3;
			for (uint32_t k = 0; k < n; k++) ts[k] = (Term){(arg >> k) & 1, POP()};
			PUSH(types_new_union(&a, ts, n));
			break;
		}
		case 14: /* declare a named type; its underlying is set later (may be itself) */
			if (nnamed < 8) {
				Object *o = types_new_typename(&a, pkg, (Pos){0, 0}, names[nnamed], NULL);
				nameds[nnamed] = types_new_named(&a, o, NULL);
				types_scope_insert(pkg->scope, o);
				PUSH(nameds[nnamed++]);
			}
			break;
		case 15: if (nnamed) types_named_set_underlying(nameds[arg % nnamed], POP()); break;
		case 16: if (nnamed) PUSH(nameds[arg % nnamed]); break;
		case 17: {
			if (!nnamed) break;
			Type *recv = nameds[arg % nnamed];
			Object *rv = types_new_var(&a, VK_RECV, pkg, (Pos){0, 0}, NULL, (arg & 4) ? types_new_pointer(&a, recv) : recv);
			types_named_add_method(&a, recv, types_new_func(&a, pkg, (Pos){0, 0}, names[4 + (arg & 1)],
			                                                types_new_signature(&a, rv, NULL, NULL, false)));
			break;
		}
		case 18: { /* generic named type with one type parameter bounded by the top */
			if (nnamed >= 8) break;
			Object *to = types_new_typename(&a, pkg, (Pos){0, 0}, names[7], NULL);
			Type *b = POP();
			if (types_under(b)->kind != TY_INTERFACE) b = types_any;
			Type *tp = types_new_typeparam(&a, to, b);
			Object *o = types_new_typename(&a, pkg, (Pos){0, 0}, names[nnamed], NULL);
			Type *g = types_new_named(&a, o, NULL);
			types_named_set_tparams(&a, g, &tp, 1);
			types_named_set_underlying(g, types_new_slice(&a, tp));
			nameds[nnamed++] = g;
			PUSH(g);
			PUSH(tp);
			break;
		}
		case 19: {
			Type *arg0 = POP(), *g = POP();
			Type *r = types_instantiate(&a, g, &arg0, 1);
			PUSH(r);
			break;
		}
		case 20: if (sp) { Type *t = st[sp - 1]; PUSH(t); } break;
		case 21: if (sp >= 2) { Type *t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; } break;
		default: break;
		}
	}
	for (int i = 0; i < sp; i++) {
		Type *t = st[i], *u = st[(i + 1) % sp];
		char *s = types_string(t);
		free(s);
		(void)types_sizeof(t);
		(void)types_alignof(t);
		(void)types_identical(t, u);
		(void)types_identical_ignore_tags(t, u);
		(void)types_comparable_type(t);
		(void)types_assignable(t, u);
		(void)types_convertible(t, u);
		(void)types_core_type(t);
		(void)types_is_ordered(t);
		if (types_under(t)->kind == TY_INTERFACE) (void)types_typeset(t);
		if (types_under(u)->kind == TY_INTERFACE) (void)types_implements(t, u);
		(void)types_method_set(&a, t);
		(void)types_lookup_field_or_method(&a, t, i & 1, pkg, names[i % 8]);
	}
	arena_free(&a);
	return 0;
}
