/*
 * check_errs_lit.c: errors of composite literals, as types2's literals.go reports them:
 * struct literals (unknown, duplicate and unexported fields, mixed keyed and positional
 * elements, too few or too many values), array and slice literals (indices out of bounds,
 * non-constant or duplicate indices), map literals (missing and duplicate constant keys) and
 * literals of types that have none.
 *
 * Run by check_body.c after it evaluated the literal; element values are not evaluated again
 * (their assignability is the assignment checks' business), keys and indices are, with
 * recording off (they are constants in practice).
 */
#include "types/check.h"

#include <stdlib.h>
#include <string.h>

static bool is_exported_s(const char *s) { return s[0] >= 'A' && s[0] <= 'Z'; }

static bool equal_fold(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return !*a && !*b;
}

/* A key or index evaluated again, quietly. */
static void quiet_expr(Checker *c, uint32_t file, Expr *e, Operand *x, Type *hint)
{
	bool rec = c->record;
	c->record = false;
	c->quiet++;
	check_expr(c, file, e, x, hint);
	c->quiet--;
	c->record = rec;
}

static bool constant_like(Expr *e, int depth)
{
	if (!e || depth > 20)
		return false;
	switch (e->kind) {
	case EXPR_IDENT:
	case EXPR_BASIC_LIT: return true;
	case EXPR_SELECTOR: return constant_like(e->selector.x, depth + 1);
	case EXPR_PAREN: return constant_like(e->paren.x, depth + 1);
	case EXPR_UNARY: return constant_like(e->unary.x, depth + 1);
	case EXPR_BINARY: return constant_like(e->binary.x, depth + 1) && constant_like(e->binary.y, depth + 1);
	case EXPR_CALL:
		return e->call.args.n == 1 && constant_like(e->call.fun, depth + 1) && constant_like(e->call.args.v[0], depth + 1);
	case EXPR_BAD:
	case EXPR_ELLIPSIS:
	case EXPR_FUNC_LIT:
	case EXPR_COMPOSITE_LIT:
	case EXPR_INDEX:
	case EXPR_INDEX_LIST:
	case EXPR_SLICE:
	case EXPR_TYPE_ASSERT:
	case EXPR_STAR:
	case EXPR_KEY_VALUE:
	case EXPR_ARRAY_TYPE:
	case EXPR_STRUCT_TYPE:
	case EXPR_FUNC_TYPE:
	case EXPR_INTERFACE_TYPE:
	case EXPR_MAP_TYPE:
	case EXPR_CHAN_TYPE:
	case EXPR__COUNT: return false;
	}
	return false;
}

static void struct_lit(Checker *c, uint32_t file, Expr *e, Type *base, Type *u)
{
	ExprList elts = e->composite.elts;
	ObjList fields = u->strct.fields;
	if (elts.n == 0)
		return;
	const char *bs = check_type_str(c, base);
	if (elts.v[0]->kind == EXPR_KEY_VALUE) {
		bool *visited = calloc(fields.len ? fields.len : 1, 1);
		for (uint32_t k = 0; k < elts.n; k++) {
			Expr *el = elts.v[k];
			if (el->kind != EXPR_KEY_VALUE) {
				check_errorf(c, file, syn_expr_pos(el), "mixture of field:value and value elements in struct literal");
				continue;
			}
			Expr *key = el->kv.key;
			if (key->kind != EXPR_IDENT) {
				check_errorf(c, file, syn_expr_pos(el), "invalid field name %s in struct literal", check_expr_str(c, key));
				continue;
			}
			const char *name = key->ident.name->s;
			int32_t idx = -1;
			for (uint32_t i = 0; i < fields.len && idx < 0; i++)
				if (types_same_id(fields.data[i], c->pkg, key->ident.name))
					idx = (int32_t)i;
			if (idx < 0) {
				Object *alt = NULL;
				for (uint32_t i = 0; i < fields.len && !alt; i++)
					if (fields.data[i]->name && equal_fold(fields.data[i]->name->s, name))
						alt = fields.data[i];
				const char *an = alt ? alt->name->s : NULL;
				if (!alt)
					check_errorf(c, file, key->pos, "unknown field %s in struct literal of type %s", name, bs);
				else if (alt->pkg == c->pkg || (is_exported_s(name) && is_exported_s(an)) ||
				         (!is_exported_s(name) && is_exported_s(an) && strcmp(name + 1, an + 1) == 0))
					check_errorf(c, file, key->pos, "unknown field %s in struct literal of type %s, but does have %s", name, bs, an);
				else if (is_exported_s(name) && strcmp(name + 1, an + 1) == 0)
					check_errorf(c, file, key->pos, "unknown field %s in struct literal of type %s, but does have unexported %s", name, bs, an);
				else if (strcmp(name, an) == 0)
					check_errorf(c, file, key->pos, "cannot refer to unexported field %s in struct literal of type %s", an, bs);
				else
					check_errorf(c, file, key->pos, "unknown field %s in struct literal of type %s", name, bs);
				continue;
			}
			if (visited[idx]) {
				check_errorf(c, file, syn_expr_pos(el), "duplicate field name %s in struct literal", name);
				continue;
			}
			visited[idx] = true;
		}
		free(visited);
		return;
	}
	for (uint32_t k = 0; k < elts.n; k++) {
		Expr *el = elts.v[k];
		if (el->kind == EXPR_KEY_VALUE) {
			check_errorf(c, file, syn_expr_pos(el), "mixture of field:value and value elements in struct literal");
			continue;
		}
		if (k >= fields.len) {
			check_errorf(c, file, syn_expr_pos(el), "too many values in struct literal of type %s", bs);
			return;
		}
		Object *f = fields.data[k];
		if (f->name && !types_is_exported(f->name) && f->pkg != c->pkg) {
			check_errorf(c, file, syn_expr_pos(el), "implicit assignment to unexported field %s in struct literal of type %s", f->name->s, bs);
			continue;
		}
	}
	if (elts.n < fields.len && e->composite.rbrace != SYN_NOPOS)
		check_errorf(c, file, e->composite.rbrace, "too few values in struct literal of type %s", bs);
}

static void indexed_lit(Checker *c, uint32_t file, Expr *e, int64_t length)
{
	ExprList elts = e->composite.elts;
	int64_t index = 0;
	Map visited = {0};
	for (uint32_t k = 0; k < elts.n; k++) {
		Expr *el = elts.v[k];
		bool valid = false;
		if (el->kind == EXPR_KEY_VALUE) {
			Operand y;
			quiet_expr(c, file, el->kv.key, &y, NULL);
			if (!check_known_value(&y)) {
				index = -1;
			} else {
				int64_t v;
				if (!check_index_value_ok(c, file, el->kv.key, &y, length, &v)) {
					index = -1;
				} else if (v >= 0) {
					index = v;
					valid = true;
				} else if (y.mode != OP_CONST) {
					check_errorf(c, file, syn_expr_pos(el), "index %s must be integer constant", check_expr_str(c, el->kv.key));
					index = -1;
				} else {
					index = -1;
				}
			}
		} else if (index >= 0 && length >= 0 && index >= length) {
			check_errorf(c, file, syn_expr_pos(el), "index %lld is out of bounds (>= %lld)", (long long)index, (long long)length);
		} else if (index >= 0) {
			valid = true;
		}
		if (valid) {
			uintptr_t key = (uintptr_t)index + 1;
			if (map_get(&visited, key))
				check_errorf(c, file, syn_expr_pos(el), "duplicate index %lld in array or slice literal", (long long)index);
			map_put(&visited, key, (void *)1);
		}
		if (index >= 0)
			index++;
	}
	map_free(&visited);
}

/* go/types keyVal: numeric keys compare by value whatever their representation. */
static char *key_string(Checker *c, ConstVal *v)
{
	ConstVal *n = v;
	if (v->kind == CK_COMPLEX) {
		ConstVal *im = const_imag(c->a, v);
		if (const_sign(im) == 0)
			n = const_real(c->a, v);
	}
	if (n->kind == CK_FLOAT) {
		ConstVal *i = const_to_int(c->a, n);
		if (i->kind == CK_INT)
			n = i;
	}
	char *s = const_exact_string(n);
	size_t len = strlen(s);
	char *r = malloc(len + 3);
	r[0] = (char)('0' + n->kind);
	r[1] = ':';
	memcpy(r + 2, s, len + 1);
	free(s);
	return r;
}

typedef struct SeenKey {
	char *key;
	Type *type;
} SeenKey;
typedef Vec(SeenKey) SeenKeys;

static void map_lit(Checker *c, uint32_t file, Expr *e, Type *kt)
{
	ExprList elts = e->composite.elts;
	bool iface = types_is_interface(kt);
	SeenKeys seen = {0};
	Map index = {0}; /* hash of key string -> 1 (fast path for large literals) */
	for (uint32_t k = 0; k < elts.n; k++) {
		Expr *el = elts.v[k];
		if (el->kind != EXPR_KEY_VALUE) {
			check_errorf(c, file, syn_expr_pos(el), "missing key in map literal");
			continue;
		}
		if (!constant_like(el->kv.key, 0))
			continue;
		Operand y;
		quiet_expr(c, file, el->kv.key, &y, kt);
		if (y.mode != OP_CONST || !y.val || y.val->kind == CK_UNKNOWN || !y.type)
			continue;
		Type *yt = y.type;
		ConstVal *val = y.val;
		if (types_is_untyped(yt)) {
			if (iface) {
				yt = types_default(yt);
			} else {
				Type *u = types_under(kt);
				if (u->kind != TY_BASIC)
					continue;
				ConstVal *r = NULL;
				if (!const_representable(c->a, val, u->basic.kind, &r))
					continue; /* the assignment's error */
				if (r)
					val = r;
				yt = kt;
			}
		} else if (!iface && !types_identical(yt, kt)) {
			continue;
		}
		char *ks = key_string(c, val);
		uint64_t h = 1469598103934665603ull;
		for (const char *p = ks; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		uintptr_t hk = (uintptr_t)(h | 1);
		bool dup = false;
		if (map_get(&index, hk)) {
			for (size_t i = 0; i < seen.len && !dup; i++)
				if (strcmp(seen.data[i].key, ks) == 0 && (!iface || types_identical(seen.data[i].type, yt)))
					dup = true;
		}
		if (dup) {
			char *vs = const_string(val);
			check_errorf(c, file, syn_expr_pos(el->kv.key), "duplicate key %s in map literal", vs);
			free(vs);
			free(ks);
			continue;
		}
		map_put(&index, hk, (void *)1);
		vec_push(&seen, ((SeenKey){ks, yt}));
	}
	for (size_t i = 0; i < seen.len; i++)
		free(seen.data[i].key);
	free(seen.data);
	map_free(&index);
}

/* A composite literal e of type t (the literal's type or the element type it was given);
 * elided: the type comes from the enclosing literal. */
void check_composite_errs(Checker *c, uint32_t file, Expr *e, Type *t, bool elided)
{
	if (!t || t == check_invalid())
		return;
	Type *ua = types_unalias(t);
	if (!ua || ua->kind == TY_TYPEPARAM)
		return;
	Type *u = types_under(t);
	if (u == check_invalid())
		return;
	Expr *te = e->composite.type;
	switch (u->kind) {
	case TY_STRUCT: struct_lit(c, file, e, t, u); return;
	case TY_ARRAY: {
		bool ddd = te && te->kind == EXPR_ARRAY_TYPE && te->array.len && te->array.len->kind == EXPR_ELLIPSIS;
		indexed_lit(c, file, e, ddd ? -1 : u->array.len);
		return;
	}
	case TY_SLICE: indexed_lit(c, file, e, -1); return;
	case TY_MAP:
		if (!u->map.key || u->map.key == check_invalid() || types_is_typeparam(u->map.key))
			return;
		map_lit(c, file, e, u->map.key);
		return;
	case TY_BASIC:
	case TY_POINTER:
	case TY_SIGNATURE:
	case TY_INTERFACE:
	case TY_CHAN:
	case TY_UNION:
	case TY_TUPLE:
	case TY_NAMED:
	case TY_TYPEPARAM:
	case TY_ALIAS:
	case TY_COUNT:
		break;
	}
	check_errorf(c, file, syn_expr_pos(e), "invalid composite literal%s type %s", elided ? " element" : "", check_type_str(c, t));
}
