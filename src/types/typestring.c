/*
 * typestring.c: types.TypeString(t, nil), rule for rule as go/types' typestring.go writes it
 * with a nil Qualifier (package-qualified by full import path), parameter names on, no type
 * parameter subscripts, no hashing mode.
 *
 * Cycles (only possible in malformed, hand-built types) print "<cycle to T>" as go/types does;
 * nesting deeper than MAX_DEPTH, or output beyond MAX_LEN bytes, prints "<...>" so input
 * cannot exhaust the stack or memory.
 */
#include "types/types.h"
#include "syntax/scanner.h" /* syn_is_print: strconv.IsPrint from Go's tables */

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 2000
#define MAX_LEN (1u << 20) /* types sharing structure can print exponentially long */

typedef struct Writer {
	TypesBuf *b;
	Type *stack[MAX_DEPTH];
	int depth;
	bool relative;     /* types2's error qualifier: rel's names bare, others by package name */
	const Package *rel;
} Writer;

static void put(Writer *w, const char *s) { for (; *s; s++) vec_push(w->b, *s); }

/* typeWriter.byte: ',' and ';' are followed by a space. */
static void byte(Writer *w, char c)
{
	vec_push(w->b, c);
	if (c == ',' || c == ';') vec_push(w->b, ' ');
}

static void typ(Writer *w, Type *t);

static void type_name(Writer *w, Object *obj)
{
	if (obj->pkg && w->relative) {
		if (obj->pkg != w->rel && obj->pkg->name) {
			put(w, obj->pkg->name->s);
			vec_push(w->b, '.');
		}
	} else if (obj->pkg) {
		put(w, obj->pkg->path);
		if (obj->pkg->path[0]) vec_push(w->b, '.');
	}
	if (obj->name) put(w, obj->name->s);
}

static void type_list(Writer *w, TypeList l)
{
	byte(w, '[');
	for (uint32_t i = 0; i < l.len; i++) {
		if (i > 0) byte(w, ',');
		typ(w, l.data[i]);
	}
	byte(w, ']');
}

/* [P, Q any, R comparable]: consecutive parameters sharing a bound are grouped. */
static void tparam_list(Writer *w, TypeList l)
{
	byte(w, '[');
	Type *prev = NULL;
	for (uint32_t i = 0; i < l.len; i++) {
		Type *tp = l.data[i];
		if (i > 0) {
			if (tp->tparam.bound != prev) {
				byte(w, ' ');
				typ(w, prev);
			}
			byte(w, ',');
		}
		prev = tp->tparam.bound;
		typ(w, tp);
	}
	if (prev) {
		byte(w, ' ');
		typ(w, prev);
	}
	byte(w, ']');
}

static void tuple(Writer *w, Type *tup, bool variadic)
{
	byte(w, '(');
	if (tup) {
		ObjList vs = tup->tuple.vars;
		for (uint32_t i = 0; i < vs.len; i++) {
			Object *v = vs.data[i];
			if (i > 0) byte(w, ',');
			if (!types_name_empty(v->name)) {
				put(w, v->name->s);
				byte(w, ' ');
			}
			Type *t = v->type;
			if (variadic && i == vs.len - 1) {
				if (t && t->kind == TY_SLICE) {
					put(w, "...");
					typ(w, t->slice.elem);
				} else {
					typ(w, t);
					put(w, "...");
				}
			} else {
				typ(w, t);
			}
		}
	}
	byte(w, ')');
}

static void signature(Writer *w, Type *sig)
{
	if (sig->sig.tparams.len) tparam_list(w, sig->sig.tparams);
	tuple(w, sig->sig.params, sig->sig.variadic);
	Type *res = sig->sig.results;
	uint32_t n = res ? res->tuple.vars.len : 0;
	if (n == 0) return;
	byte(w, ' ');
	if (n == 1 && types_name_empty(res->tuple.vars.data[0]->name)) {
		typ(w, res->tuple.vars.data[0]->type);
		return;
	}
	tuple(w, res, false);
}

/* strconv.Quote, shared with const_print.c: printable runes (strconv.IsPrint) as is, the rest
 * escaped as \a \b \f \n \r \t \v \xNN \uNNNN \UNNNNNNNN, bad bytes as \xNN. */
void types_quote(TypesBuf *b, const char *s, size_t n);
void types_quote(TypesBuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	vec_push(b, '"');
	for (size_t i = 0; i < n;) {
		uint32_t len;
		uint32_t r = base_utf8_decode(p + i, n - i, &len);
		if (r == BASE_RUNE_ERROR && len == 1) {
			char e[4] = {'\\', 'x', hex[p[i] >> 4], hex[p[i] & 15]};
			for (int k = 0; k < 4; k++) vec_push(b, e[k]);
			i++;
			continue;
		}
		if (r == '"' || r == '\\') {
			vec_push(b, '\\');
			vec_push(b, (char)r);
		} else if (syn_is_print(r)) {
			for (uint32_t k = 0; k < len; k++) vec_push(b, (char)p[i + k]);
		} else {
			char e[12];
			int m = 0;
			e[m++] = '\\';
			switch (r) {
			case '\a': e[m++] = 'a'; break;
			case '\b': e[m++] = 'b'; break;
			case '\f': e[m++] = 'f'; break;
			case '\n': e[m++] = 'n'; break;
			case '\r': e[m++] = 'r'; break;
			case '\t': e[m++] = 't'; break;
			case '\v': e[m++] = 'v'; break;
			default:
				if (r < ' ' || r == 0x7f) {
					e[m++] = 'x';
					e[m++] = hex[r >> 4];
					e[m++] = hex[r & 15];
				} else if (r < 0x10000) {
					e[m++] = 'u';
					for (int sh = 12; sh >= 0; sh -= 4) e[m++] = hex[(r >> sh) & 15];
				} else {
					e[m++] = 'U';
					for (int sh = 28; sh >= 0; sh -= 4) e[m++] = hex[(r >> sh) & 15];
				}
			}
			for (int k = 0; k < m; k++) vec_push(b, e[k]);
		}
		i += len;
	}
	vec_push(b, '"');
}

static void typ(Writer *w, Type *t)
{
	if (!t) {
		put(w, "<nil>");
		return;
	}
	for (int i = 0; i < w->depth; i++) {
		if (w->stack[i] == t) {
			Object *o = types_type_obj(t);
			put(w, "<cycle to ");
			put(w, o && o->name ? o->name->s : types_kind_names[t->kind]);
			put(w, ">");
			return;
		}
	}
	if (w->depth == MAX_DEPTH || w->b->len > MAX_LEN) {
		put(w, "<...>");
		return;
	}
	w->stack[w->depth++] = t;

	switch (t->kind) {
	case TY_BASIC:
		if (t->basic.name[0] >= 'A' && t->basic.name[0] <= 'Z' && types_names) {
			Object *o = types_scope_lookup(types_unsafe->scope, intern_cstr(types_names, t->basic.name));
			if (o && o->kind == OBJ_TYPENAME) {
				type_name(w, o);
				break;
			}
		}
		put(w, t->basic.name);
		break;
	case TY_ARRAY: {
		char num[32];
		snprintf(num, sizeof num, "[%lld]", (long long)t->array.len);
		put(w, num);
		typ(w, t->array.elem);
		break;
	}
	case TY_SLICE:
		put(w, "[]");
		typ(w, t->slice.elem);
		break;
	case TY_STRUCT:
		put(w, "struct{");
		for (uint32_t i = 0; i < t->strct.fields.len; i++) {
			Object *f = t->strct.fields.data[i];
			if (i > 0) byte(w, ';');
			if (!(f->flags & VF_EMBEDDED)) {
				if (f->name) put(w, f->name->s);
				byte(w, ' ');
			}
			typ(w, f->type);
			const char *tag = t->strct.tags ? t->strct.tags[i] : NULL;
			if (tag && tag[0]) {
				byte(w, ' ');
				types_quote(w->b, tag, strlen(tag));
			}
		}
		byte(w, '}');
		break;
	case TY_POINTER:
		byte(w, '*');
		typ(w, t->pointer.elem);
		break;
	case TY_TUPLE:
		tuple(w, t, false);
		break;
	case TY_SIGNATURE:
		put(w, "func");
		signature(w, t);
		break;
	case TY_UNION:
		if (t->uni.len == 0) {
			put(w, "<empty union>");
			break;
		}
		for (uint32_t i = 0; i < t->uni.len; i++) {
			if (i > 0) put(w, " | ");
			if (t->uni.terms[i].tilde) byte(w, '~');
			typ(w, t->uni.terms[i].type);
		}
		break;
	case TY_INTERFACE:
		if (t == types_empty_iface) {
			put(w, "any");
			break;
		}
		if (types_comparable && t == types_comparable->named.fromrhs) {
			put(w, "interface{comparable}");
			break;
		}
		if (t->iface.implicit) {
			if (t->iface.methods.len == 0 && t->iface.embeddeds.len == 1) {
				typ(w, t->iface.embeddeds.data[0]);
				break;
			}
			put(w, "/* implicit */ ");
		}
		put(w, "interface{");
		{
			bool first = true;
			for (uint32_t i = 0; i < t->iface.methods.len; i++) {
				Object *m = t->iface.methods.data[i];
				if (!first) byte(w, ';');
				first = false;
				put(w, m->name->s);
				signature(w, m->type);
			}
			for (uint32_t i = 0; i < t->iface.embeddeds.len; i++) {
				if (!first) byte(w, ';');
				first = false;
				typ(w, t->iface.embeddeds.data[i]);
			}
		}
		byte(w, '}');
		break;
	case TY_MAP:
		put(w, "map[");
		typ(w, t->map.key);
		byte(w, ']');
		typ(w, t->map.elem);
		break;
	case TY_CHAN: {
		bool parens = false;
		switch (t->chan.dir) {
		case CHAN_SEND_RECV:
			put(w, "chan ");
			{
				Type *e = t->chan.elem;
				if (e && e->kind == TY_CHAN && e->chan.dir == CHAN_RECV) parens = true;
			}
			break;
		case CHAN_SEND: put(w, "chan<- "); break;
		case CHAN_RECV: put(w, "<-chan "); break;
		}
		if (parens) byte(w, '(');
		typ(w, t->chan.elem);
		if (parens) byte(w, ')');
		break;
	}
	case TY_NAMED:
		type_name(w, t->named.obj);
		if (t->named.orig != t && t->named.targs.len) type_list(w, t->named.targs);
		else if (t->named.tparams.len) tparam_list(w, t->named.tparams);
		break;
	case TY_TYPEPARAM:
		if (!t->tparam.obj || !t->tparam.obj->name) {
			put(w, "<unnamed type parameter>");
			break;
		}
		put(w, t->tparam.obj->name->s);
		if (types_scope_lookup(types_universe, t->tparam.obj->name)) put(w, "/* type parameter */");
		break;
	case TY_ALIAS:
		type_name(w, t->alias.obj);
		if (t->alias.targs.len) type_list(w, t->alias.targs);
		else if (t->alias.tparams.len) tparam_list(w, t->alias.tparams);
		break;
	case TY_COUNT:
		put(w, "<bad type>");
		break;
	}
	w->depth--;
}

void types_write(TypesBuf *b, Type *t)
{
	Writer *w = xmalloc(sizeof *w);
	w->b = b;
	w->depth = 0;
	w->relative = false;
	w->rel = NULL;
	typ(w, t);
	free(w);
}

void types_write_signature(TypesBuf *b, Type *sig)
{
	Writer *w = xmalloc(sizeof *w);
	w->b = b;
	w->depth = 0;
	w->relative = false;
	w->rel = NULL;
	signature(w, sig);
	free(w);
}

/* Qualified as types2's error messages qualify names: the types of package rel unqualified,
 * those of other packages by package name. */
void types_write_rel(TypesBuf *b, Type *t, const Package *rel)
{
	Writer *w = xmalloc(sizeof *w);
	w->b = b;
	w->depth = 0;
	w->relative = true;
	w->rel = rel;
	typ(w, t);
	free(w);
}

char *types_string(Type *t)
{
	TypesBuf b = {0};
	types_write(&b, t);
	vec_push(&b, '\0');
	return b.data;
}

/* types.ObjectString(obj, nil) (object.go writeObject). */
void types_write_object(TypesBuf *b, Object *obj)
{
	Writer *w = xmalloc(sizeof *w);
	w->b = b;
	w->depth = 0;
	w->relative = false;
	w->rel = NULL;
	Type *t = obj->type;
	bool tname = false;
	switch (obj->kind) {
	case OBJ_PKGNAME:
		put(w, "package ");
		put(w, obj->name ? obj->name->s : "");
		if (obj->pkgname.imported && obj->pkgname.imported->path[0] && obj->name &&
		    strcmp(obj->pkgname.imported->path, obj->name->s) != 0) {
			put(w, " (");
			types_quote(b, obj->pkgname.imported->path, strlen(obj->pkgname.imported->path));
			put(w, ")");
		}
		free(w);
		return;
	case OBJ_CONST: put(w, "const"); break;
	case OBJ_TYPENAME:
		tname = true;
		put(w, "type");
		if (t && types_unalias(t) && t->kind == TY_TYPEPARAM) put(w, " parameter");
		break;
	case OBJ_VAR: put(w, obj->var.kind == VK_FIELD ? "field" : "var"); break;
	case OBJ_FUNC:
		put(w, "func ");
		if (t && t->kind == TY_SIGNATURE && t->sig.recv) {
			byte(w, '(');
			if (t->sig.recv->type && t->sig.recv->type->kind == TY_INTERFACE) put(w, "interface");
			else typ(w, t->sig.recv->type);
			put(w, ").");
		} else if (t && obj->pkg) {
			put(w, obj->pkg->path);
			if (obj->pkg->path[0]) vec_push(b, '.');
		}
		if (obj->name) put(w, obj->name->s);
		if (t && t->kind == TY_SIGNATURE) signature(w, t);
		free(w);
		return;
	case OBJ_LABEL: put(w, "label"); t = NULL; break;
	case OBJ_BUILTIN: put(w, "builtin"); t = NULL; break;
	case OBJ_NIL: put(w, "nil"); free(w); return;
	case OBJ_BAD: case OBJ_COUNT: put(w, "bad"); break;
	}
	byte(w, ' ');
	if (obj->pkg && obj->name && types_scope_lookup(obj->pkg->scope, obj->name) == obj) {
		put(w, obj->pkg->path);
		if (obj->pkg->path[0]) vec_push(b, '.');
	}
	if (obj->name) put(w, obj->name->s);
	if (!t) {
		free(w);
		return;
	}
	if (tname) {
		if (t->kind == TY_BASIC) {
			free(w);
			return;
		}
		TypeList tps = t->kind == TY_NAMED ? t->named.tparams : t->kind == TY_ALIAS ? t->alias.tparams : (TypeList){0};
		if (tps.len && !(t->kind == TY_NAMED && t->named.orig != t) && !(t->kind == TY_ALIAS && t->alias.targs.len))
			tparam_list(w, tps);
		if (types_obj_is_alias(obj)) {
			put(w, " =");
			if (t->kind == TY_ALIAS) t = t->alias.fromrhs;
		} else if (t->kind == TY_TYPEPARAM) {
			t = t->tparam.bound;
		} else {
			t = types_under(t);
		}
	}
	/* "type any = interface{}", not "= any" */
	if (obj->name && strcmp(obj->name->s, "any") == 0 && obj->parent == types_universe) {
		byte(w, ' ');
		put(w, "interface{}");
		free(w);
		return;
	}
	byte(w, ' ');
	typ(w, t);
	free(w);
}

char *types_object_string(Object *obj)
{
	TypesBuf b = {0};
	types_write_object(&b, obj);
	vec_push(&b, '\0');
	return b.data;
}
