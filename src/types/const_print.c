/*
 * const_print.c: go/constant's Value.String() and ExactString().
 *
 * Floats print as fmt's %.6g of the nearest float64 (falling back to the shortest %g when
 * that hides a fraction, go issue 56220), or, outside float64's range, as go/constant's
 * approximate "%.6ge%+d" mantissa/exponent form. Go's %e/%g agree with C's for these
 * formats (two-digit exponents, trailing zeros removed); the shortest form is found by
 * trying precisions until the value round-trips. Strings are quoted (strconv.Quote) and cut
 * to 72 runes with "...".
 */
#include "types/const.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void types_quote(TypesBuf *b, const char *s, size_t n); /* typestring.c */

static void bput(TypesBuf *b, const char *s) { for (; *s; s++) vec_push(b, *s); }

static void load_q(mpq_t q, const ConstVal *x)
{
	mpz_t view;
	static const mp_limb_t zero = 0;
	if (x->kind == CK_INT) {
		if (x->repr == CR_SMALL) mpz_set_si(mpq_numref(q), x->small);
		else {
			mpz_roinit_n(view, x->big.limbs ? (const mp_limb_t *)x->big.limbs : &zero, x->big.size);
			mpz_set(mpq_numref(q), view);
		}
		mpz_set_ui(mpq_denref(q), 1);
		return;
	}
	mpz_roinit_n(view, x->rat.num.limbs ? (const mp_limb_t *)x->rat.num.limbs : &zero, x->rat.num.size);
	mpz_set(mpq_numref(q), view);
	mpz_roinit_n(view, x->rat.den.limbs ? (const mp_limb_t *)x->rat.den.limbs : &zero, x->rat.den.size);
	mpz_set(mpq_denref(q), view);
}

/* fmt's %g (shortest) for a finite float64. */
static void fmt_g_shortest(char *out, size_t n, double x);

void const_fmt_float64(char *out, size_t n, double x)
{
	if (isnan(x)) snprintf(out, n, "NaN");
	else if (isinf(x)) snprintf(out, n, x > 0 ? "+Inf" : "-Inf");
	else fmt_g_shortest(out, n, x);
}

static void fmt_g_shortest(char *out, size_t n, double x)
{
	char buf[64];
	int p;
	for (p = 1; p <= 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, x);
		if (strtod(buf, NULL) == x) break;
	}
	if (p > 17) p = 17;
	const char *e = strchr(buf, 'e');
	int exp = e ? atoi(e + 1) : 0;
	/* strconv 'g', shortest: %e when exp < -4 || exp >= 6 */
	if (exp < -4 || exp >= 6) {
		snprintf(out, n, "%.*e", p - 1, x);
	} else {
		int dec = p - 1 - exp;
		snprintf(out, n, "%.*f", dec < 0 ? 0 : dec, x);
	}
}

static void float_string(TypesBuf *b, const ConstVal *x0)
{
	/* f = the value as a 512-bit big.Float (a ratVal goes through rtof): multiplying by a
	 * float-represented 1 promotes and rounds it exactly as go/constant's match does */
	Arena a;
	arena_init(&a);
	uint64_t one = 1;
	ConstVal onef = {.kind = CK_FLOAT, .repr = CR_FLOAT};
	onef.rat.num = (BigNat){&one, 1};
	onef.rat.den = (BigNat){&one, 1};
	const ConstVal *x = x0;
	if (x0->repr == CR_RAT) {
		ConstVal *fv = const_binary(&a, x0, COP_MUL, &onef);
		if (fv && fv->kind == CK_FLOAT) x = fv;
	}
	mpq_t q;
	mpq_init(q);
	load_q(q, x);
	bool exact;
	double d = const_float64_val(x, &exact);
	arena_free(&a);
	char out[128];
	if ((mpq_sgn(q) == 0) == (d == 0) && !isinf(d)) {
		snprintf(out, sizeof out, "%.6g", d);
		bool is_int = mpz_cmp_ui(mpq_denref(q), 1) == 0;
		if (!is_int && !strchr(out, '.')) {
			/* the 512-bit value is not an integer but %.6g hides it */
			fmt_g_shortest(out, sizeof out, d);
		}
		bput(b, out);
		mpq_clear(q);
		return;
	}
	/* out of float64 range: f = mant * 2^exp, 0.5 <= |mant| < 1 */
	mpz_t n;
	mpz_init(n);
	mpz_abs(n, mpq_numref(q));
	long e2 = (long)mpz_sizeinbase(n, 2) - (long)mpz_sizeinbase(mpq_denref(q), 2);
	/* mant = q / 2^e2 scaled into [0.5, 1) */
	mpq_t m;
	mpq_init(m);
	mpq_set(m, q);
	if (e2 >= 0) mpq_div_2exp(m, m, (mp_bitcnt_t)e2);
	else mpq_mul_2exp(m, m, (mp_bitcnt_t)-e2);
	double md = mpq_get_d(m);
	while (fabs(md) >= 1) { md /= 2; e2++; }
	while (fabs(md) < 0.5 && md != 0) { md *= 2; e2--; }
	double dd = (double)e2 * (M_LN2 / M_LN10);
	long long e = (long long)dd;
	md *= pow(10, dd - (double)e);
	double am = fabs(md);
	if (am < 1 - 0.5e-6) { md *= 10; e--; }
	else if (am >= 10) { md /= 10; e++; }
	snprintf(out, sizeof out, "%.6ge%+lld", md, e);
	bput(b, out);
	mpq_clear(m);
	mpz_clear(n);
	mpq_clear(q);
}

static void write_string(TypesBuf *b, const ConstVal *x, bool exact);

static void write_val(TypesBuf *b, const ConstVal *x, bool exact)
{
	switch (x->kind) {
	case CK_UNKNOWN:
		bput(b, "unknown");
		break;
	case CK_BOOL:
		bput(b, x->b ? "true" : "false");
		break;
	case CK_STRING:
		write_string(b, x, exact);
		break;
	case CK_INT: {
		mpq_t q;
		mpq_init(q);
		load_q(q, x);
		char *s = mpz_get_str(NULL, 10, mpq_numref(q));
		bput(b, s);
		free(s);
		mpq_clear(q);
		break;
	}
	case CK_FLOAT:
		if (!exact) {
			float_string(b, x);
		} else if (x->repr == CR_RAT) {
			mpq_t q;
			mpq_init(q);
			load_q(q, x);
			char *s = mpz_cmp_ui(mpq_denref(q), 1) == 0 ? mpz_get_str(NULL, 10, mpq_numref(q)) : mpq_get_str(NULL, 10, q);
			bput(b, s);
			free(s);
			mpq_clear(q);
		} else {
			/* big.Float Text('p', 0): [-]0x.<hex mantissa>p<exp>, or "0" */
			mpq_t q;
			mpq_init(q);
			load_q(q, x);
			if (mpq_sgn(q) == 0) {
				bput(b, "0");
			} else {
				if (mpq_sgn(q) < 0) bput(b, "-");
				mpz_t m;
				mpz_init(m);
				mpz_abs(m, mpq_numref(q));
				long e = 0;
				/* value = m / den with den a power of two */
				e = -(long)(mpz_sizeinbase(mpq_denref(q), 2) - 1);
				long bits = (long)mpz_sizeinbase(m, 2);
				long exp = e + bits;
				/* strip trailing zero bits, then align to hex digits */
				mp_bitcnt_t tz = mpz_scan1(m, 0);
				mpz_fdiv_q_2exp(m, m, tz);
				bits -= (long)tz;
				long pad = (4 - bits % 4) % 4;
				mpz_mul_2exp(m, m, (mp_bitcnt_t)pad);
				char *hex = mpz_get_str(NULL, 16, m);
				char out[64];
				bput(b, "0x.");
				bput(b, hex);
				snprintf(out, sizeof out, "p%+ld", exp);
				bput(b, out);
				free(hex);
				mpz_clear(m);
			}
			mpq_clear(q);
		}
		break;
	case CK_COMPLEX:
		bput(b, "(");
		write_val(b, x->cplx.re, exact);
		bput(b, " + ");
		write_val(b, x->cplx.im, exact);
		bput(b, "i)");
		break;
	}
}

static void write_string(TypesBuf *b, const ConstVal *x, bool exact)
{
	TypesBuf q = {0};
	types_quote(&q, x->str.s, x->str.len);
	if (!exact) {
		/* cut to 72 runes: keep 69 and add "..." */
		size_t runes = 0;
		for (size_t i = 0; i < q.len; i++) runes += ((unsigned char)q.data[i] & 0xC0) != 0x80;
		if (runes > 72) {
			size_t i = 0;
			for (int k = 0; k < 69 && i < q.len; k++) {
				i++;
				while (i < q.len && ((unsigned char)q.data[i] & 0xC0) == 0x80) i++;
			}
			q.len = i;
			vec_push(&q, '.');
			vec_push(&q, '.');
			vec_push(&q, '.');
		}
	}
	for (size_t i = 0; i < q.len; i++) vec_push(b, q.data[i]);
	vec_free(&q);
}

char *const_string(const ConstVal *x)
{
	TypesBuf b = {0};
	write_val(&b, x, false);
	vec_push(&b, '\0');
	return b.data;
}

char *const_exact_string(const ConstVal *x)
{
	TypesBuf b = {0};
	write_val(&b, x, true);
	vec_push(&b, '\0');
	return b.data;
}
