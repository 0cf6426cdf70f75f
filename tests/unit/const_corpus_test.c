/*
 * The C side of the constants differential test (tests/types/run.sh):
 *
 *   const_corpus_test CORPUS.txt ORACLE.txt
 *
 * runs each line of the corpus as the same little stack program as tests/oracle/constops
 * (go/constant) and compares "String <TAB> ExactString <TAB> Kind <TAB> Float64Val exact"
 * with the oracle's line. Without arguments it does nothing (the unit runner calls it so).
 */
#include "base/base.h"
#include "types/const.h"
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

static Arena A;

static const char *kind_name(ConstKind k)
{
	switch (k) {
	case CK_UNKNOWN: return "Unknown";
	case CK_BOOL: return "Bool";
	case CK_STRING: return "String";
	case CK_INT: return "Int";
	case CK_FLOAT: return "Float";
	case CK_COMPLEX: return "Complex";
	}
	return "?";
}

static bool repr_type(const char *s, BasicKind *k)
{
	static const struct { const char *n; BasicKind k; } m[] = {
		{"int", BK_INT}, {"int8", BK_INT8}, {"int16", BK_INT16}, {"int32", BK_INT32}, {"int64", BK_INT64},
		{"uint", BK_UINT}, {"uint8", BK_UINT8}, {"uint16", BK_UINT16}, {"uint32", BK_UINT32},
		{"uint64", BK_UINT64}, {"uintptr", BK_UINTPTR}, {"float32", BK_FLOAT32}, {"float64", BK_FLOAT64},
		{"complex64", BK_COMPLEX64}, {"complex128", BK_COMPLEX128}, {"string", BK_STRING}, {"bool", BK_BOOL},
		{"untyped_int", BK_UNTYPED_INT}, {"untyped_float", BK_UNTYPED_FLOAT},
		{"untyped_complex", BK_UNTYPED_COMPLEX},
	};
	for (size_t i = 0; i < ARRAY_LEN(m); i++)
		if (strcmp(m[i].n, s) == 0) { *k = m[i].k; return true; }
	return false;
}

static char *eval(char *line)
{
	ConstVal *st[64];
	int sp = 0;
	for (char *tok = strtok(line, " \t"); tok; tok = strtok(NULL, " \t")) {
		char *arg = strchr(tok, ':');
		if (arg && arg != tok) *arg++ = 0;
		else arg = "";
		if (sp >= 60) return xstrdup("stack overflow");
#define POP() (sp > 0 ? st[--sp] : const_unknown())
		if (!strcmp(tok, "i") || !strcmp(tok, "f") || !strcmp(tok, "j") || !strcmp(tok, "c") || !strcmp(tok, "s")) {
			char k = tok[0] == 'i' ? 'i' : tok[0] == 'f' ? 'f' : tok[0] == 'j' ? 'j' : tok[0] == 'c' ? 'c' : 's';
			st[sp++] = const_from_literal(&A, arg, strlen(arg), k);
		} else if (!strcmp(tok, "b")) {
			st[sp++] = const_make_bool(&A, !strcmp(arg, "true"));
		} else if (!strcmp(tok, "u64")) {
			st[sp++] = const_make_uint64(&A, strtoull(arg, NULL, 10));
		} else if (!strcmp(tok, "f64")) {
			st[sp++] = const_make_float64(&A, strtod(arg, NULL));
		} else if (!strcmp(tok, "neg") || !strcmp(tok, "pos") || !strcmp(tok, "not") || !strcmp(tok, "compl")) {
			ConstOp op = tok[0] == 'n' ? (tok[1] == 'e' ? COP_SUB : COP_NOT) : tok[0] == 'p' ? COP_ADD : COP_XOR;
			ConstVal *v = const_unary(&A, op, POP(), (unsigned)atoi(arg));
			if (!v) return xstrdup("error");
			st[sp++] = v;
		} else if (!strcmp(tok, "<<") || !strcmp(tok, ">>")) {
			ConstVal *v = const_shift(&A, POP(), tok[0] == '<' ? COP_SHL : COP_SHR, (unsigned)atoi(arg));
			if (!v) return xstrdup("error");
			st[sp++] = v;
		} else if (!strcmp(tok, "toint")) {
			ConstVal *x = POP();
			st[sp++] = const_to_int(&A, x);
		} else if (!strcmp(tok, "tofloat")) {
			ConstVal *x = POP();
			st[sp++] = const_to_float(&A, x);
		} else if (!strcmp(tok, "tocomplex")) {
			ConstVal *x = POP();
			st[sp++] = const_to_complex(&A, x);
		} else if (!strcmp(tok, "real")) {
			ConstVal *x = POP();
			st[sp++] = const_real(&A, x);
		} else if (!strcmp(tok, "imag")) {
			ConstVal *x = POP();
			st[sp++] = const_imag(&A, x);
		} else if (!strcmp(tok, "mkimag")) {
			ConstVal *x = POP();
			st[sp++] = const_make_imag(&A, x);
		} else if (!strcmp(tok, "repr")) {
			BasicKind k;
			if (!repr_type(arg, &k)) return xstrdup("bad type");
			ConstVal *r = NULL, *x = POP();
			if (const_representable(&A, x, k, &r)) st[sp++] = r ? r : x;
			else st[sp++] = const_make_string(&A, "notrepr", 7);
		} else if (!strcmp(tok, "int64")) {
			bool ok;
			int64_t v = const_int64_val(POP(), &ok);
			st[sp++] = const_make_int64(&A, v);
			st[sp++] = const_make_bool(&A, ok);
		} else if (!strcmp(tok, "uint64")) {
			bool ok;
			uint64_t v = const_uint64_val(POP(), &ok);
			st[sp++] = const_make_uint64(&A, v);
			st[sp++] = const_make_bool(&A, ok);
		} else {
			ConstOp op = COP_COUNT;
			for (int i = 0; i < COP_COUNT; i++)
				if (!strcmp(const_op_names[i], tok)) op = (ConstOp)i;
			if (op == COP_COUNT) return xasprintf("bad token %s", tok);
			ConstVal *y = POP(), *x = POP();
			if (op >= COP_EQL) {
				st[sp++] = const_make_bool(&A, const_compare(x, op, y));
			} else {
				ConstVal *v = const_binary(&A, x, op, y);
				if (!v) return xstrdup("error");
				st[sp++] = v;
			}
		}
	}
	if (sp == 0) return xstrdup("empty");
	ConstVal *v = st[sp - 1];
	double f = 0;
	bool exact = false;
	if (v->kind == CK_INT || v->kind == CK_FLOAT) f = const_float64_val(v, &exact);
	char fs[64];
	const_fmt_float64(fs, sizeof fs, f);
	char *s = const_string(v), *e = const_exact_string(v);
	char *r = xasprintf("%s\t%s\t%s\t%s %s", s, e, kind_name(v->kind), fs, exact ? "true" : "false");
	free(s);
	free(e);
	return r;
}

int main(int argc, char **argv)
{
	if (argc != 3) return 0;
	Interner in;
	intern_init(&in);
	types_universe_init(&in);
	arena_init(&A);
	char *text, *otext;
	size_t len, olen;
	const char *msg;
	if (base_read_file(argv[1], &text, &len, &msg) != READ_OK || base_read_file(argv[2], &otext, &olen, &msg) != READ_OK) {
		printf("FAIL const-corpus/read: %s\n", msg);
		return 1;
	}
	Vec(char *) lines = {0}, want = {0};
	for (char *s = text, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl) nl = s + strlen(s) - 1;
		else *nl = 0;
		if (*s && *s != '#') vec_push(&lines, s);
		if (nl >= text + len - 1) break;
	}
	for (char *s = otext, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl) break;
		*nl = 0;
		vec_push(&want, s);
	}
	size_t pass = 0, fail = 0;
	for (size_t i = 0; i < lines.len; i++) {
		char *copy = xstrdup(lines.data[i]);
		char *got = eval(copy);
		const char *w = i < want.len ? want.data[i] : "";
		if (strcmp(got, w) == 0) pass++, printf("ok const-corpus/%zu %s\n", i + 1, lines.data[i]);
		else fail++, printf("FAIL const-corpus/%zu %s: got [%s] want [%s]\n", i + 1, lines.data[i], got, w);
		free(got);
		free(copy);
	}
	fflush(stdout);
	printf("const-corpus: %zu agree, %zu differ\n", pass, fail);
	return 0;
}
