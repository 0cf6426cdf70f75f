/*
 * Expressions and types (spec: "Expressions", "Types", "Type parameter declarations").
 *
 * Types and expressions share one grammar here, as in both Go parsers: an operand may be a
 * type ([]int{...}, map[K]V(nil), func(){}), and which it is gets decided by what follows.
 * The composite-literal ambiguity (`if x == T{} {`) is resolved by p->xnest: in a control
 * clause header it is negative, and a bare name, selector or instance followed by "{" is then
 * not a literal type unless inside parentheses, brackets or braces.
 */
#include "syntax/parse.h"

#include <string.h>

static Expr *literal_value(Parser *p, Expr *type);

static FieldList *new_fieldlist(Parser *p, uint32_t opening, uint32_t closing)
{
	FieldList *l = ARENA_NEW(p->arena, FieldList);
	l->opening = opening;
	l->closing = closing;
	return l;
}

static Field *new_field(Parser *p, uint32_t pos)
{
	Field *f = ARENA_NEW(p->arena, Field);
	f->pos = pos;
	return f;
}

/* x[a] or x[a, b, ...] from a list on the scratch stack. */
static Expr *pack_index(Parser *p, Expr *x, uint32_t lbrack, size_t mark, uint32_t rbrack)
{
	Expr *e = syn_new_expr(p, p->sp - mark > 1 ? EXPR_INDEX_LIST : EXPR_INDEX, lbrack);
	e->index.x = x;
	e->index.indices = syn_take_exprs(p, mark);
	e->index.rbrack = rbrack;
	return e;
}

/* ---- types ---- */

/* TypeArgs = "[" TypeList [ "," ] "]" .  The current token is "[". */
static Expr *type_instance(Parser *p, Expr *x)
{
	uint32_t lbrack = p->off;
	syn_next(p);
	p->xnest++;
	size_t m = syn_mark(p);
	while (p->tok != TOK_RBRACK && p->tok != TOK_EOF && !p->bailed) {
		syn_push(p, syn_type(p));
		if (!syn_got(p, TOK_COMMA)) {
			if (p->tok != TOK_RBRACK) {
				syn_syntax_error(p, "in type argument list; possibly missing comma or ]");
				ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			}
			break;
		}
	}
	p->xnest--;
	uint32_t rbrack = p->off;
	if (p->sp == m) {
		syn_syntax_error(p, "expected type argument list");
		syn_push(p, syn_bad_expr(p, lbrack + 1, rbrack));
	}
	syn_want(p, TOK_RBRACK);
	return pack_index(p, x, lbrack, m, rbrack);
}

/* TypeName = identifier | QualifiedIdent .  [ TypeArgs ] */
Expr *syn_qualified_type(Parser *p, Expr *name)
{
	Expr *x = name ? name : syn_ident(p);
	if (p->tok == TOK_PERIOD) {
		Expr *s = syn_new_expr(p, EXPR_SELECTOR, p->off);
		syn_next(p);
		s->selector.x = x;
		s->selector.sel = syn_ident(p);
		x = s;
	}
	if (p->tok == TOK_LBRACK)
		x = type_instance(p, x);
	return x;
}

/* ArrayType = "[" ArrayLength "]" ElementType .  SliceType = "[" "]" ElementType .
 * "[" is consumed; len is an already parsed length, or NULL. */
Expr *syn_array_type(Parser *p, uint32_t lbrack, Expr *len)
{
	if (!len) {
		p->xnest++;
		if (p->tok == TOK_ELLIPSIS) {
			len = syn_new_expr(p, EXPR_ELLIPSIS, p->off);
			syn_next(p);
		} else if (p->tok != TOK_RBRACK) {
			len = syn_expr(p);
		}
		p->xnest--;
	}
	if (p->tok == TOK_COMMA) {
		syn_syntax_error(p, "unexpected comma; expected ]");
		syn_next(p);
	}
	syn_want(p, TOK_RBRACK);
	Expr *t = syn_new_expr(p, EXPR_ARRAY_TYPE, lbrack);
	t->array.len = len;
	t->array.elt = syn_type(p);
	return t;
}

/* ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType . */
static Expr *chan_type(Parser *p)
{
	Expr *t = syn_new_expr(p, EXPR_CHAN_TYPE, p->off);
	t->chan.arrow = SYN_NOPOS;
	t->chan.dir = CHAN_BOTH;
	if (p->tok == TOK_CHAN) {
		syn_next(p);
		if (p->tok == TOK_ARROW) {
			t->chan.arrow = p->off;
			syn_next(p);
			t->chan.dir = CHAN_SEND;
		}
	} else {
		t->chan.arrow = p->off;
		syn_next(p);
		syn_want(p, TOK_CHAN);
		t->chan.dir = CHAN_RECV;
	}
	t->chan.value = syn_type_or_nil(p);
	if (!t->chan.value) {
		t->chan.value = syn_bad_expr(p, p->off, p->off);
		syn_syntax_error(p, "missing channel element type");
	}
	return t;
}

/* (x, type) for a field "x [n]E", or (NULL, x[P, ...]) for an embedded instance
 * (go/parser's parseArrayFieldOrTypeInstance). The current token is "[". */
static Expr *array_field_or_type_instance(Parser *p, Expr *x, Expr **typ)
{
	uint32_t lbrack = p->off;
	syn_next(p);
	size_t m = syn_mark(p);
	uint32_t trailing = SYN_NOPOS;
	if (p->tok != TOK_RBRACK) {
		p->xnest++;
		syn_push(p, syn_expr(p));
		while (p->tok == TOK_COMMA) {
			uint32_t comma = p->off;
			syn_next(p);
			if (p->tok == TOK_RBRACK) {
				trailing = comma;
				break;
			}
			syn_push(p, syn_expr(p));
		}
		p->xnest--;
	}
	uint32_t rbrack = p->off;
	syn_want(p, TOK_RBRACK);
	size_t n = p->sp - m;
	if (n == 0) {
		Expr *t = syn_new_expr(p, EXPR_ARRAY_TYPE, lbrack);
		t->array.elt = syn_type(p);
		*typ = t;
		return x;
	}
	if (n == 1) {
		Expr *elt = syn_type_or_nil(p);
		if (elt) {
			if (trailing != SYN_NOPOS)
				syn_syntax_error_at(p, trailing, "unexpected comma; expected ]");
			Expr *t = syn_new_expr(p, EXPR_ARRAY_TYPE, lbrack);
			t->array.len = p->stk[m];
			p->sp = m;
			t->array.elt = elt;
			*typ = t;
			return x;
		}
	}
	*typ = pack_index(p, x, lbrack, m, rbrack);
	return NULL;
}

/* FieldDecl     = (IdentifierList Type | EmbeddedField) [ Tag ] .
 * EmbeddedField = [ "*" ] TypeName [ TypeArgs ] .
 * Tag           = string_lit . */
static Field *field_decl(Parser *p)
{
	Field *f = new_field(p, p->off);
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_IDENT: {
		Expr *name = syn_ident(p);
		if (p->tok == TOK_PERIOD || p->tok == TOK_STRING || p->tok == TOK_SEMICOLON || p->tok == TOK_RBRACE) {
			f->type = name;
			if (p->tok == TOK_PERIOD)
				f->type = syn_qualified_type(p, name);
			break;
		}
		size_t m = syn_mark(p);
		syn_push(p, name);
		while (syn_got(p, TOK_COMMA))
			syn_push(p, syn_ident(p));
		if (p->sp - m == 1 && p->tok == TOK_LBRACK) {
			p->sp = m;
			Expr *n = array_field_or_type_instance(p, name, &f->type);
			if (n)
				syn_push(p, n);
		} else {
			f->type = syn_type(p);
		}
		f->names = syn_take_exprs(p, m);
		break;
	}
	case TOK_MUL: {
		Expr *star = syn_new_expr(p, EXPR_STAR, p->off);
		syn_next(p);
		if (p->tok == TOK_LPAREN) {
			syn_syntax_error(p, "cannot parenthesize embedded type");
			syn_next(p);
			star->star.x = syn_qualified_type(p, NULL);
			syn_got(p, TOK_RPAREN);
		} else {
			star->star.x = syn_qualified_type(p, NULL);
		}
		f->type = star;
		break;
	}
	case TOK_LPAREN:
		syn_syntax_error(p, "cannot parenthesize embedded type");
		syn_next(p);
		if (p->tok == TOK_MUL) {
			Expr *star = syn_new_expr(p, EXPR_STAR, p->off);
			syn_next(p);
			star->star.x = syn_qualified_type(p, NULL);
			f->type = star;
		} else {
			f->type = syn_qualified_type(p, NULL);
		}
		syn_got(p, TOK_RPAREN);
		break;
	default:
		syn_syntax_error(p, "expected field name or embedded type");
		ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE);
		return NULL;
	}
	if (p->tok == TOK_STRING) {
		Expr *tag = syn_new_expr(p, EXPR_BASIC_LIT, p->off);
		tag->lit.kind = TOK_STRING;
		tag->lit.text = p->text + p->off;
		tag->lit.len = p->len;
		syn_next(p);
		f->tag = tag;
	}
	return f;
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static Expr *struct_type(Parser *p)
{
	Expr *t = syn_new_expr(p, EXPR_STRUCT_TYPE, p->off);
	syn_next(p);
	uint32_t lbrace = p->off;
	syn_want(p, TOK_LBRACE);
	size_t m = syn_mark(p);
	while (p->tok != TOK_EOF && p->tok != TOK_RBRACE && !p->bailed) {
		Field *f = field_decl(p);
		if (f)
			syn_push(p, f);
		if (!syn_got(p, TOK_SEMICOLON) && p->tok != TOK_RBRACE) {
			syn_syntax_error(p, "in struct type; possibly missing semicolon or newline or }");
			ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			if (p->tok != TOK_RBRACE)
				break;
		}
	}
	uint32_t rbrace = p->off;
	syn_want(p, TOK_RBRACE);
	FieldList *l = new_fieldlist(p, lbrace, rbrace);
	l->list = (Field **)syn_take(p, m, &l->n);
	t->struct_type.fields = l;
	return t;
}

/* EmbeddedTerm = [ "~" ] Type . */
static Expr *embedded_term(Parser *p)
{
	if (p->tok == TOK_TILDE) {
		Expr *u = syn_new_expr(p, EXPR_UNARY, p->off);
		u->unary.op = TOK_TILDE;
		syn_next(p);
		u->unary.x = syn_type(p);
		return u;
	}
	Expr *t = syn_type_or_nil(p);
	if (!t) {
		t = syn_bad_expr(p, p->off, p->off);
		syn_syntax_error(p, "expected ~ term or type");
		ADVANCE(p, TOK_OR, TOK_SEMICOLON, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
	}
	return t;
}

/* TypeElem = TypeTerm { "|" TypeTerm } . */
static Expr *embedded_elem(Parser *p, Expr *x)
{
	if (!x)
		x = embedded_term(p);
	while (p->tok == TOK_OR) {
		Expr *b = syn_new_expr(p, EXPR_BINARY, p->off);
		b->binary.op = TOK_OR;
		syn_next(p);
		b->binary.x = x;
		b->binary.y = embedded_term(p);
		x = b;
	}
	return x;
}

/* MethodElem = MethodName Signature .  (or an embedded, possibly instantiated, type) */
static Field *method_spec(Parser *p)
{
	Field *f = new_field(p, p->off);
	Expr *x = syn_ident(p);
	if (p->tok == TOK_PERIOD) {
		f->type = syn_qualified_type(p, x);
		return f;
	}
	if (p->tok == TOK_LBRACK) {
		/* generic method (an error) or embedded instantiated type */
		uint32_t lbrack = p->off;
		syn_next(p);
		if (p->tok == TOK_RBRACK) {
			syn_error_at(p, p->off, "empty type argument list");
			syn_next(p);
			f->type = x;
			return f;
		}
		p->xnest++;
		Expr *e = syn_expr(p);
		p->xnest--;
		if (e->kind == EXPR_IDENT && p->tok != TOK_COMMA && p->tok != TOK_RBRACK) {
			syn_error_at(p, lbrack, "interface method must have no type parameters");
			FieldList *tp = syn_params(p, TOK_RBRACK, false, e, NULL, lbrack);
			Expr *ft = syn_new_expr(p, EXPR_FUNC_TYPE, p->off);
			ft->func_type.func_pos = SYN_NOPOS;
			ft->func_type.tparams = tp;
			uint32_t open = p->off;
			syn_want(p, TOK_LPAREN);
			ft->func_type.params = syn_params(p, TOK_RPAREN, true, NULL, NULL, open);
			ft->func_type.results = syn_result(p);
			size_t m = syn_mark(p);
			syn_push(p, x);
			f->names = syn_take_exprs(p, m);
			f->type = ft;
			return f;
		}
		size_t m = syn_mark(p);
		syn_push(p, e);
		if (syn_got(p, TOK_COMMA)) {
			p->xnest++;
			while (p->tok != TOK_RBRACK && p->tok != TOK_EOF && !p->bailed) {
				syn_push(p, syn_type(p));
				if (!syn_got(p, TOK_COMMA))
					break;
			}
			p->xnest--;
		}
		uint32_t rbrack = p->off;
		syn_want(p, TOK_RBRACK);
		f->type = pack_index(p, x, lbrack, m, rbrack);
		return f;
	}
	if (p->tok == TOK_LPAREN) {
		size_t m = syn_mark(p);
		syn_push(p, x);
		f->names = syn_take_exprs(p, m);
		Expr *ft = syn_new_expr(p, EXPR_FUNC_TYPE, p->off);
		ft->func_type.func_pos = SYN_NOPOS;
		uint32_t open = p->off;
		syn_next(p);
		ft->func_type.params = syn_params(p, TOK_RPAREN, true, NULL, NULL, open);
		ft->func_type.results = syn_result(p);
		f->type = ft;
		return f;
	}
	f->type = x;
	return f;
}

/* InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
 * InterfaceElem = MethodElem | TypeElem . */
static Expr *interface_type(Parser *p)
{
	Expr *t = syn_new_expr(p, EXPR_INTERFACE_TYPE, p->off);
	syn_next(p);
	uint32_t lbrace = p->off;
	syn_want(p, TOK_LBRACE);
	size_t m = syn_mark(p);
	while (p->tok != TOK_EOF && p->tok != TOK_RBRACE && !p->bailed) {
		Field *f;
		if (p->tok == TOK_IDENT) {
			f = method_spec(p);
			if (f->names.n == 0)
				f->type = embedded_elem(p, f->type);
		} else {
			f = new_field(p, p->off);
			f->type = embedded_elem(p, NULL);
		}
		syn_push(p, f);
		if (!syn_got(p, TOK_SEMICOLON) && p->tok != TOK_RBRACE) {
			syn_syntax_error(p, "in interface type; possibly missing semicolon or newline or }");
			ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			if (p->tok != TOK_RBRACE)
				break;
		}
	}
	uint32_t rbrace = p->off;
	syn_want(p, TOK_RBRACE);
	FieldList *l = new_fieldlist(p, lbrace, rbrace);
	l->list = (Field **)syn_take(p, m, &l->n);
	t->iface.methods = l;
	return t;
}

/* ---- parameters ---- */

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .  One (name, type) pair, either may be
 * NULL; in type parameter lists types may be unions of ~terms. (go/parser's parseParamDecl) */
static void param_decl(Parser *p, Expr *name, bool tparams, TokKind close, Expr **pname, Expr **ptype)
{
	*pname = *ptype = NULL;
	if (!name && tparams && p->tok == TOK_TILDE) {
		*ptype = embedded_elem(p, NULL);
		return;
	}
	if (name || p->tok == TOK_IDENT) {
		*pname = name ? name : syn_ident(p);
		switch ((int)p->tok) { /* token dispatch: partial by nature */
		case TOK_IDENT: case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_CHAN: case TOK_MAP:
		case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
			*ptype = syn_type(p);
			break;
		case TOK_LBRACK:
			*pname = array_field_or_type_instance(p, *pname, ptype);
			break;
		case TOK_ELLIPSIS: {
			Expr *d = syn_new_expr(p, EXPR_ELLIPSIS, p->off);
			syn_next(p);
			d->ellipsis.elt = syn_type_or_nil(p);
			if (!d->ellipsis.elt) {
				d->ellipsis.elt = syn_bad_expr(p, p->off, p->off);
				syn_syntax_error(p, "... is missing type");
			}
			*ptype = d;
			return;
		}
		case TOK_PERIOD:
			*ptype = syn_qualified_type(p, *pname);
			*pname = NULL;
			break;
		case TOK_TILDE:
			if (tparams) {
				*ptype = embedded_elem(p, NULL);
				return;
			}
			break;
		case TOK_OR:
			if (tparams) {
				*ptype = embedded_elem(p, *pname);
				*pname = NULL;
				return;
			}
			break;
		default:
			break;
		}
	} else {
		switch ((int)p->tok) { /* token dispatch: partial by nature */
		case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_LBRACK: case TOK_CHAN: case TOK_MAP:
		case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
			*ptype = syn_type(p);
			break;
		case TOK_ELLIPSIS: {
			Expr *d = syn_new_expr(p, EXPR_ELLIPSIS, p->off);
			syn_next(p);
			d->ellipsis.elt = syn_type_or_nil(p);
			if (!d->ellipsis.elt) {
				d->ellipsis.elt = syn_bad_expr(p, p->off, p->off);
				syn_syntax_error(p, "... is missing type");
			}
			*ptype = d;
			return;
		}
		default: {
			char msg[32];
			snprintf(msg, sizeof msg, "expected %s", syn_tokstring(close));
			syn_syntax_error(p, msg);
			ADVANCE(p, TOK_COMMA, close);
			return;
		}
		}
	}
	if (tparams && p->tok == TOK_OR && *ptype)
		*ptype = embedded_elem(p, *ptype);
}

/* Parameters    = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * TypeParameters = "[" TypeParamList [ "," ] "]" .
 * The opening token (at opening) is consumed; parses through close. name0/typ0 are an already
 * parsed first parameter (type declarations). Names sharing a type form one Field. */
FieldList *syn_params(Parser *p, TokKind close, bool ddd_ok, Expr *name0, Expr *typ0, uint32_t opening)
{
	bool tparams = close == TOK_RBRACK;
	size_t m = syn_mark(p); /* pairs: name, type */
	uint32_t named = 0, typed = 0;
	while ((name0 || (p->tok != close && p->tok != TOK_EOF)) && !p->bailed) {
		Expr *n, *t;
		if (typ0) {
			if (tparams)
				typ0 = embedded_elem(p, typ0);
			n = name0;
			t = typ0;
		} else {
			param_decl(p, name0, tparams, close, &n, &t);
		}
		name0 = typ0 = NULL;
		if (n || t) {
			syn_push(p, n);
			syn_push(p, t);
			named += n && t;
			typed += t != NULL;
		}
		if (!syn_got(p, TOK_COMMA)) {
			if (p->tok != close) {
				syn_syntax_error(p, tparams ? "in parameter list; possibly missing comma or ]"
				                            : "in parameter list; possibly missing comma or )");
				ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			}
			break;
		}
	}
	uint32_t closing = p->off;
	syn_want(p, close);
	FieldList *l = new_fieldlist(p, opening, closing);
	size_t npairs = (p->sp - m) / 2;
	if (npairs == 0) {
		p->sp = m;
		return l;
	}
	Expr **v = (Expr **)(p->stk + m);
	if (named == 0 && !tparams) {
		/* all unnamed: names are types */
		for (size_t i = 0; i < npairs; i++)
			if (v[2 * i]) {
				v[2 * i + 1] = v[2 * i];
				v[2 * i] = NULL;
			}
	} else if (named != npairs) {
		uint32_t err = SYN_NOPOS;
		Expr *typ = NULL;
		for (size_t i = npairs; i-- > 0;) {
			if (v[2 * i + 1]) {
				typ = v[2 * i + 1];
				if (!v[2 * i]) {
					err = syn_expr_pos(typ);
					Expr *u = syn_new_expr(p, EXPR_IDENT, err);
					u->ident.name = intern(p->names, "_", 1);
					v[2 * i] = u;
				}
			} else if (typ) {
				v[2 * i + 1] = typ;
			} else {
				err = v[2 * i]->pos;
				v[2 * i + 1] = syn_bad_expr(p, err, closing);
			}
		}
		if (err != SYN_NOPOS) {
			const char *msg;
			if (named == typed) {
				err = closing;
				msg = tparams ? "missing type constraint" : "missing parameter type";
			} else if (tparams) {
				msg = npairs == 1 ? "missing type parameter name or invalid array length" : "missing type parameter name";
			} else {
				msg = "missing parameter name";
			}
			syn_syntax_error_at(p, err, msg);
		}
	}
	/* the use of ... */
	for (size_t i = 0; i < npairs; i++) {
		Expr *t = v[2 * i + 1];
		if (t && t->kind == EXPR_ELLIPSIS && (!ddd_ok || i + 1 < npairs)) {
			syn_error_at(p, t->pos, ddd_ok ? "can only use ... with final parameter" : "invalid use of ...");
			break;
		}
	}
	/* fields: types only, or names grouped by shared type */
	size_t nf = 0;
	bool any_named = false;
	for (size_t i = 0; i < npairs; i++)
		any_named |= v[2 * i] != NULL;
	Field **fields = ARENA_ARRAY(p->arena, Field *, npairs);
	if (!any_named) {
		for (size_t i = 0; i < npairs; i++) {
			Field *f = new_field(p, v[2 * i + 1]->pos);
			f->type = v[2 * i + 1];
			fields[nf++] = f;
		}
	} else {
		size_t i = 0;
		while (i < npairs) {
			size_t j = i;
			while (j < npairs && v[2 * j + 1] == v[2 * i + 1])
				j++;
			Field *f = new_field(p, v[2 * i]->pos);
			f->type = v[2 * i + 1];
			f->names.n = (uint32_t)(j - i);
			f->names.v = ARENA_ARRAY(p->arena, Expr *, j - i);
			for (size_t k = i; k < j; k++)
				f->names.v[k - i] = v[2 * k];
			fields[nf++] = f;
			i = j;
		}
	}
	p->sp = m;
	l->list = fields;
	l->n = (uint32_t)nf;
	return l;
}

/* Result = Parameters | Type . */
FieldList *syn_result(Parser *p)
{
	if (p->tok == TOK_LPAREN) {
		uint32_t open = p->off;
		syn_next(p);
		return syn_params(p, TOK_RPAREN, false, NULL, NULL, open);
	}
	uint32_t pos = p->off;
	Expr *t = syn_type_or_nil(p);
	if (!t)
		return NULL;
	FieldList *l = new_fieldlist(p, SYN_NOPOS, SYN_NOPOS);
	Field *f = new_field(p, pos);
	f->type = t;
	l->list = ARENA_ARRAY(p->arena, Field *, 1);
	l->list[0] = f;
	l->n = 1;
	return l;
}

/* Signature = [ TypeParameters ] Parameters [ Result ] .  The current token follows "func"
 * or the function's name. */
Expr *syn_func_type(Parser *p, uint32_t func_pos, bool allow_tparams, FieldList **tparams)
{
	Expr *ft = syn_new_expr(p, EXPR_FUNC_TYPE, p->off);
	ft->func_type.func_pos = func_pos;
	*tparams = NULL;
	if (p->tok == TOK_LBRACK) {
		uint32_t open = p->off;
		if (!allow_tparams)
			syn_syntax_error_at(p, open, "function type must have no type parameters");
		syn_next(p);
		if (p->tok == TOK_RBRACK) {
			syn_syntax_error(p, "empty type parameter list");
			syn_next(p);
		} else {
			FieldList *tp = syn_params(p, TOK_RBRACK, false, NULL, NULL, open);
			if (allow_tparams)
				*tparams = tp;
		}
	}
	uint32_t open = p->off;
	if (p->tok == TOK_LPAREN) {
		syn_next(p);
		ft->func_type.params = syn_params(p, TOK_RPAREN, true, NULL, NULL, open);
	} else {
		syn_want(p, TOK_LPAREN);
		ft->func_type.params = new_fieldlist(p, open, SYN_NOPOS);
	}
	ft->func_type.results = syn_result(p);
	return ft;
}

/* Type     = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
 * TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
 *            SliceType | MapType | ChannelType .
 * NULL when no type starts here. */
Expr *syn_type_or_nil(Parser *p)
{
	if (!syn_enter(p))
		return syn_bad_expr(p, p->off, p->off);
	Expr *t = NULL;
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_IDENT:
		t = syn_qualified_type(p, NULL);
		break;
	case TOK_LBRACK: {
		uint32_t lbrack = p->off;
		syn_next(p);
		t = syn_array_type(p, lbrack, NULL);
		break;
	}
	case TOK_STRUCT:
		t = struct_type(p);
		break;
	case TOK_MUL:
		t = syn_new_expr(p, EXPR_STAR, p->off);
		syn_next(p);
		t->star.x = syn_type(p);
		break;
	case TOK_FUNC: {
		uint32_t pos = p->off;
		syn_next(p);
		FieldList *tp;
		t = syn_func_type(p, pos, false, &tp);
		break;
	}
	case TOK_INTERFACE:
		t = interface_type(p);
		break;
	case TOK_MAP:
		t = syn_new_expr(p, EXPR_MAP_TYPE, p->off);
		syn_next(p);
		syn_want(p, TOK_LBRACK);
		t->map.key = syn_type(p);
		syn_want(p, TOK_RBRACK);
		t->map.value = syn_type(p);
		break;
	case TOK_CHAN:
	case TOK_ARROW:
		t = chan_type(p);
		break;
	case TOK_LPAREN:
		t = syn_new_expr(p, EXPR_PAREN, p->off);
		syn_next(p);
		t->paren.x = syn_type(p);
		t->paren.rparen = p->off;
		syn_want(p, TOK_RPAREN);
		break;
	default:
		break;
	}
	syn_leave(p);
	return t;
}

Expr *syn_type(Parser *p)
{
	Expr *t = syn_type_or_nil(p);
	if (!t) {
		t = syn_bad_expr(p, p->off, p->off);
		syn_syntax_error(p, "expected type");
		ADVANCE(p, TOK_COMMA, TOK_COLON, TOK_SEMICOLON, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
	}
	return t;
}

/* ---- expressions ---- */

/* Operand     = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
 * Literal     = BasicLit | CompositeLit | FunctionLit . */
static Expr *operand(Parser *p)
{
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_IDENT:
		return syn_ident(p);
	case TOK_INT:
	case TOK_FLOAT:
	case TOK_IMAG:
	case TOK_CHAR:
	case TOK_STRING: {
		Expr *e = syn_new_expr(p, EXPR_BASIC_LIT, p->off);
		e->lit.kind = p->tok;
		e->lit.text = p->text + p->off;
		e->lit.len = p->len;
		syn_next(p);
		return e;
	}
	case TOK_LPAREN: {
		Expr *e = syn_new_expr(p, EXPR_PAREN, p->off);
		syn_next(p);
		p->xnest++;
		e->paren.x = syn_expr(p);
		p->xnest--;
		e->paren.rparen = p->off;
		syn_want(p, TOK_RPAREN);
		return e;
	}
	case TOK_FUNC: {
		uint32_t pos = p->off;
		syn_next(p);
		FieldList *tp;
		Expr *ft = syn_func_type(p, pos, false, &tp);
		if (p->tok != TOK_LBRACE)
			return ft;
		Expr *e = syn_new_expr(p, EXPR_FUNC_LIT, pos);
		e->func_lit.type = ft;
		p->xnest++;
		e->func_lit.body = syn_func_body(p);
		p->xnest--;
		return e;
	}
	case TOK_LBRACK:
	case TOK_CHAN:
	case TOK_MAP:
	case TOK_STRUCT:
	case TOK_INTERFACE:
		return syn_type(p);
	default: {
		Expr *e = syn_bad_expr(p, p->off, p->off);
		syn_syntax_error(p, "expected expression");
		ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
		e->bad.to = p->off;
		return e;
	}
	}
}

/* Index = "[" Expression [ "," ] "]" .  Slice = "[" [ Expression ] ":" [ Expression ] "]" | ... .
 * TypeArgs = "[" TypeList [ "," ] "]" .  The current token is "[". */
static Expr *index_or_slice(Parser *p, Expr *x)
{
	uint32_t lbrack = p->off;
	syn_next(p);
	if (p->tok == TOK_RBRACK) {
		syn_syntax_error(p, "expected operand");
		uint32_t rb = p->off;
		syn_next(p);
		size_t m = syn_mark(p);
		syn_push(p, syn_bad_expr(p, rb, rb));
		return pack_index(p, x, lbrack, m, rb);
	}
	p->xnest++;
	Expr *idx[3] = {NULL, NULL, NULL};
	int ncolons = 0;
	size_t m = syn_mark(p);
	bool list = false;
	if (p->tok != TOK_COLON)
		idx[0] = syn_expr(p);
	uint32_t middle_err = SYN_NOPOS, final_err = SYN_NOPOS; /* gc's positions of these errors */
	if (p->tok == TOK_COLON) {
		while (p->tok == TOK_COLON && ncolons < 2) {
			if (ncolons == 1 && !idx[1])
				middle_err = p->off; /* the second ":" */
			ncolons++;
			syn_next(p);
			if (p->tok != TOK_COLON && p->tok != TOK_RBRACK && p->tok != TOK_EOF)
				idx[ncolons] = syn_expr(p);
			else if (ncolons == 2 && p->tok == TOK_RBRACK)
				final_err = p->off;
		}
	} else if (p->tok == TOK_COMMA) {
		list = true;
		syn_push(p, idx[0]);
		while (p->tok == TOK_COMMA) {
			syn_next(p);
			if (p->tok != TOK_RBRACK && p->tok != TOK_EOF)
				syn_push(p, syn_type(p));
		}
	} else if (p->tok != TOK_RBRACK) {
		syn_syntax_error(p, "expected comma, : or ]");
		ADVANCE(p, TOK_COMMA, TOK_COLON, TOK_RBRACK);
	}
	p->xnest--;
	uint32_t rbrack = p->off;
	syn_want(p, TOK_RBRACK);
	if (ncolons > 0) {
		Expr *s = syn_new_expr(p, EXPR_SLICE, lbrack);
		s->slice.x = x;
		s->slice.low = idx[0];
		s->slice.high = idx[1];
		s->slice.max = idx[2];
		s->slice.rbrack = rbrack;
		if (ncolons == 2) {
			s->slice.slice3 = true;
			if (middle_err != SYN_NOPOS)
				syn_error_at(p, middle_err, "middle index required in 3-index slice");
			if (!idx[2] && final_err != SYN_NOPOS)
				syn_error_at(p, final_err, "final index required in 3-index slice");
		}
		return s;
	}
	if (!list)
		syn_push(p, idx[0]);
	return pack_index(p, x, lbrack, m, rbrack);
}

/* Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" . */
static Expr *call(Parser *p, Expr *fun)
{
	Expr *c = syn_new_expr(p, EXPR_CALL, p->off);
	c->call.fun = fun;
	c->call.ellipsis = SYN_NOPOS;
	syn_next(p);
	p->xnest++;
	size_t m = syn_mark(p);
	while (p->tok != TOK_RPAREN && p->tok != TOK_EOF && !p->bailed) {
		syn_push(p, syn_expr(p));
		if (p->tok == TOK_ELLIPSIS) {
			c->call.ellipsis = p->off;
			syn_next(p);
		}
		if (!syn_got(p, TOK_COMMA)) {
			if (p->tok != TOK_RPAREN) {
				syn_syntax_error(p, "in argument list; possibly missing comma or )");
				ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			}
			break;
		}
		if (c->call.ellipsis != SYN_NOPOS)
			break;
	}
	p->xnest--;
	c->call.args = syn_take_exprs(p, m);
	c->call.rparen = p->off;
	syn_want(p, TOK_RPAREN);
	return c;
}

/* PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector |
 *               PrimaryExpr Index | PrimaryExpr Slice | PrimaryExpr TypeAssertion |
 *               PrimaryExpr Arguments .
 * x is an already parsed operand, or NULL. */
Expr *syn_primary_expr(Parser *p, Expr *x)
{
	if (!x)
		x = operand(p);
	/* Each suffix nests the tree one level deeper: counted as go/parser does. */
	int n = 0;
	for (;;) {
		switch ((int)p->tok) { /* token dispatch: partial by nature */
		case TOK_PERIOD: {
			uint32_t dot = p->off;
			syn_next(p);
			if (p->tok == TOK_IDENT) {
				Expr *s = syn_new_expr(p, EXPR_SELECTOR, dot);
				s->selector.x = x;
				s->selector.sel = syn_ident(p);
				x = s;
			} else if (p->tok == TOK_LPAREN) {
				Expr *a = syn_new_expr(p, EXPR_TYPE_ASSERT, dot);
				a->assert.x = x;
				a->assert.lparen = p->off;
				syn_next(p);
				if (p->tok == TOK_TYPE)
					syn_next(p);
				else
					a->assert.type = syn_type(p);
				a->assert.rparen = p->off;
				syn_want(p, TOK_RPAREN);
				x = a;
			} else {
				syn_syntax_error(p, "expected name or (");
				Expr *s = syn_new_expr(p, EXPR_SELECTOR, dot);
				s->selector.x = x;
				s->selector.sel = syn_new_expr(p, EXPR_IDENT, p->off);
				s->selector.sel->ident.name = intern(p->names, "_", 1);
				ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
				x = s;
			}
			break;
		}
		case TOK_LBRACK:
			x = index_or_slice(p, x);
			break;
		case TOK_LPAREN:
			x = call(p, x);
			break;
		case TOK_LBRACE: {
			Expr *t = syn_unparen(x);
			switch (t->kind) {
			case EXPR_BAD:
			case EXPR_IDENT:
			case EXPR_SELECTOR:
			case EXPR_INDEX:
			case EXPR_INDEX_LIST:
				if (p->xnest < 0)
					goto done;
				break;
			case EXPR_ARRAY_TYPE:
			case EXPR_STRUCT_TYPE:
			case EXPR_MAP_TYPE:
				break;
			case EXPR_ELLIPSIS: case EXPR_BASIC_LIT: case EXPR_FUNC_LIT: case EXPR_COMPOSITE_LIT:
			case EXPR_PAREN: case EXPR_SLICE: case EXPR_TYPE_ASSERT: case EXPR_CALL: case EXPR_STAR:
			case EXPR_UNARY: case EXPR_BINARY: case EXPR_KEY_VALUE: case EXPR_FUNC_TYPE:
			case EXPR_INTERFACE_TYPE: case EXPR_CHAN_TYPE: case EXPR__COUNT:
				goto done;
			}
			if (t != x)
				syn_syntax_error(p, "cannot parenthesize type in composite literal");
			x = literal_value(p, x);
			break;
		}
		default:
			goto done;
		}
		if (!syn_enter(p))
			break;
		n++;
	}
done:
	p->depth -= n;
	return x;
}

/* Element = Expression | LiteralValue . */
static Expr *element_value(Parser *p)
{
	if (p->tok == TOK_LBRACE)
		return literal_value(p, NULL);
	return syn_expr(p);
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" .
 * KeyedElement = [ Key ":" ] Element . */
static Expr *literal_value(Parser *p, Expr *type)
{
	if (!syn_enter(p))
		return syn_bad_expr(p, p->off, p->off);
	Expr *c = syn_new_expr(p, EXPR_COMPOSITE_LIT, p->off);
	c->composite.type = type;
	syn_want(p, TOK_LBRACE);
	p->xnest++;
	size_t m = syn_mark(p);
	while (p->tok != TOK_RBRACE && p->tok != TOK_EOF && !p->bailed) {
		Expr *e = element_value(p);
		if (p->tok == TOK_COLON) {
			Expr *kv = syn_new_expr(p, EXPR_KEY_VALUE, p->off);
			syn_next(p);
			kv->kv.key = e;
			kv->kv.value = element_value(p);
			e = kv;
		}
		syn_push(p, e);
		if (!syn_got(p, TOK_COMMA)) {
			if (p->tok != TOK_RBRACE) {
				syn_syntax_error(p, "in composite literal; possibly missing comma or }");
				ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
			}
			break;
		}
	}
	p->xnest--;
	c->composite.elts = syn_take_exprs(p, m);
	c->composite.rbrace = p->off;
	syn_want(p, TOK_RBRACE);
	syn_leave(p);
	return c;
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
 * unary_op  = "+" | "-" | "!" | "^" | "*" | "&" | "<-" . */
Expr *syn_unary_expr(Parser *p)
{
	if (!syn_enter(p))
		return syn_bad_expr(p, p->off, p->off);
	Expr *x;
	switch ((int)p->tok) { /* token dispatch: partial by nature */
	case TOK_ADD:
	case TOK_SUB:
	case TOK_NOT:
	case TOK_XOR:
	case TOK_AND:
	case TOK_TILDE:
		x = syn_new_expr(p, EXPR_UNARY, p->off);
		x->unary.op = p->tok;
		syn_next(p);
		x->unary.x = syn_unary_expr(p);
		break;
	case TOK_MUL:
		x = syn_new_expr(p, EXPR_STAR, p->off);
		syn_next(p);
		x->star.x = syn_unary_expr(p);
		break;
	case TOK_ARROW: {
		uint32_t arrow = p->off;
		syn_next(p);
		Expr *y = syn_unary_expr(p);
		if (y->kind == EXPR_CHAN_TYPE) {
			/* <-chan T: re-associate the arrow with the channel type(s) */
			ChanDir dir = CHAN_SEND;
			Expr *t = y;
			while (t && t->kind == EXPR_CHAN_TYPE && dir == CHAN_SEND) {
				if (t->chan.dir == CHAN_RECV)
					syn_syntax_error_at(p, t->chan.arrow, "unexpected <-, expected chan");
				uint32_t a = t->chan.arrow;
				t->chan.arrow = arrow;
				t->pos = arrow;
				arrow = a;
				dir = t->chan.dir;
				t->chan.dir = CHAN_RECV;
				t = t->chan.value;
			}
			if (dir == CHAN_SEND)
				syn_syntax_error_at(p, arrow, "unexpected <-, expected chan");
			x = y;
		} else {
			x = syn_new_expr(p, EXPR_UNARY, arrow);
			x->unary.op = TOK_ARROW;
			x->unary.x = y;
		}
		break;
	}
	default:
		x = syn_primary_expr(p, NULL);
		break;
	}
	syn_leave(p);
	return x;
}

static int precedence(TokKind t)
{
	switch ((int)t) {
	case TOK_LOR:
		return 1;
	case TOK_LAND:
		return 2;
	case TOK_EQL: case TOK_NEQ: case TOK_LSS: case TOK_LEQ: case TOK_GTR: case TOK_GEQ:
		return 3;
	case TOK_ADD: case TOK_SUB: case TOK_OR: case TOK_XOR:
		return 4;
	case TOK_MUL: case TOK_QUO: case TOK_REM: case TOK_SHL: case TOK_SHR: case TOK_AND: case TOK_AND_NOT:
		return 5;
	default:
		return 0;
	}
}

/* Expression = UnaryExpr | Expression binary_op Expression . */
Expr *syn_binary_expr(Parser *p, Expr *x, int prec)
{
	if (!x)
		x = syn_unary_expr(p);
	int n = 0; /* each operator nests the tree one level deeper: counted as go/parser does */
	for (;; n++) {
		int oprec = precedence(p->tok);
		if (oprec <= prec || !syn_enter(p))
			break;
		Expr *b = syn_new_expr(p, EXPR_BINARY, p->off);
		b->binary.op = p->tok;
		syn_next(p);
		b->binary.x = x;
		b->binary.y = syn_binary_expr(p, NULL, oprec);
		x = b;
	}
	p->depth -= n;
	return x;
}

Expr *syn_expr(Parser *p) { return syn_binary_expr(p, NULL, 0); }

/* ExpressionList = Expression { "," Expression } . */
ExprList syn_expr_list(Parser *p)
{
	size_t m = syn_mark(p);
	syn_push(p, syn_expr(p));
	while (syn_got(p, TOK_COMMA))
		syn_push(p, syn_expr(p));
	return syn_take_exprs(p, m);
}
