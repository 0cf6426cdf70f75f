/*
 * libFuzzer target for constants (src/types/const.c): the input is a stack program in the
 * language of tests/types/constops.txt (literal tokens k:LIT, operators, conversions,
 * repr:TYPE); every value produced is printed with String and ExactString. Values are kept
 * under the sizes the checker allows (ints over 600 bits are dropped, shift counts capped),
 * as the checker reports overflow before such values would be computed.
 */
#include "base/base.h"
#include "types/const.h"
#include "types/types.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool too_big(const ConstVal *v)
{
	if (v->kind == CK_INT) return const_bitlen(v) > 600;
	if (v->kind == CK_COMPLEX) return too_big(v->cplx.re) || too_big(v->cplx.im);
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Interner in;
	static bool init;
	if (!init) {
		intern_init(&in);
		types_universe_init(&in);
		init = true;
	}
	if (size > 4096) return 0;
	char *text = xstrndup((const char *)data, size);
	Arena a;
	arena_init(&a);
	ConstVal *st[32];
	int sp = 0;
	static const ConstOp binops[] = {COP_ADD, COP_SUB, COP_MUL, COP_QUO, COP_QUO_INT, COP_REM, COP_AND,
	                                 COP_OR, COP_XOR, COP_AND_NOT, COP_LAND, COP_LOR};
	static const ConstOp cmpops[] = {COP_EQL, COP_NEQ, COP_LSS, COP_LEQ, COP_GTR, COP_GEQ};
	int steps = 0;
	for (char *tok = strtok(text, " \t\n"); tok && steps < 200; tok = strtok(NULL, " \t\n"), steps++) {
		char *arg = strchr(tok, ':');
		if (arg) *arg++ = 0;
		ConstVal *v = NULL;
		if (arg && strlen(tok) == 1 && strchr("ifjcs", tok[0])) {
			v = const_from_literal(&a, arg, strlen(arg), tok[0]);
		} else if (!strcmp(tok, "f64") && arg) {
			v = const_make_float64(&a, strtod(arg, NULL));
		} else if (sp >= 1 && (!strcmp(tok, "neg") || !strcmp(tok, "not") || !strcmp(tok, "compl"))) {
			ConstOp op = tok[0] == 'n' ? (tok[1] == 'e' ? COP_SUB : COP_NOT) : COP_XOR;
			unsigned prec = arg ? (unsigned)(atoi(arg) & 63) : 0;
			v = const_unary(&a, op, st[--sp], prec);
		} else if (sp >= 1 && (!strcmp(tok, "<<") || !strcmp(tok, ">>"))) {
			unsigned s = arg ? (unsigned)(atoi(arg) & 1023) : 1;
			v = const_shift(&a, st[--sp], tok[0] == '<' ? COP_SHL : COP_SHR, s);
		} else if (sp >= 1 && !strcmp(tok, "toint")) {
			v = const_to_int(&a, st[--sp]);
		} else if (sp >= 1 && !strcmp(tok, "tofloat")) {
			v = const_to_float(&a, st[--sp]);
		} else if (sp >= 1 && !strcmp(tok, "tocomplex")) {
			v = const_to_complex(&a, st[--sp]);
		} else if (sp >= 1 && !strcmp(tok, "repr") && arg) {
			ConstVal *r = NULL;
			BasicKind k = (BasicKind)((unsigned)atoi(arg) % BK_COUNT);
			ConstVal *x = st[--sp];
			v = const_representable(&a, x, k, &r) && r ? r : x;
		} else if (sp >= 2) {
			for (size_t i = 0; i < ARRAY_LEN(binops) && !v; i++)
				if (!strcmp(tok, const_op_names[binops[i]])) {
					ConstVal *y = st[--sp], *x = st[--sp];
					v = const_binary(&a, x, binops[i], y);
				}
			for (size_t i = 0; i < ARRAY_LEN(cmpops) && !v; i++)
				if (!strcmp(tok, const_op_names[cmpops[i]])) {
					ConstVal *y = st[--sp], *x = st[--sp];
					v = const_make_bool(&a, const_compare(x, cmpops[i], y));
				}
		}
		if (!v || too_big(v) || sp >= 30) continue;
		char *s1 = const_string(v), *s2 = const_exact_string(v);
		bool exact;
		(void)const_float64_val(v, &exact);
		(void)const_int64_val(v, &exact);
		free(s1);
		free(s2);
		st[sp++] = v;
	}
	arena_free(&a);
	free(text);
	return 0;
}
