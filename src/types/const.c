/*
 * const.c: constant values with go/constant semantics (see const.h for the representation).
 *
 * Every operation loads its operands into temporary GMP values (mpz_t/mpq_t, cleared before
 * returning), computes, and stores the result in the arena: ints that fit int64 as CR_SMALL,
 * else CR_BIG; rationals as CR_RAT while numerator and denominator stay under 4096 bits
 * (go/constant's maxExp), else rounded to a 512-bit mantissa as CR_FLOAT (go/constant's
 * floatVal, whose operations round every result to 512 bits as big.Float does).
 * Rounding to a binary precision (512, float64's 53, float32's 24) is done exactly on the
 * rational, to nearest even, with subnormals for float64/float32.
 */
#include "types/const.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXP 4096 /* go/constant maxExp */
#define PREC 512     /* go/constant prec */

const char *const const_op_names[COP_COUNT] = {
#define X(n, s) s,
	CONST_OPS(X)
#undef X
};

static ConstVal unknown_val = {.kind = CK_UNKNOWN};

ConstVal *const_unknown(void) { return &unknown_val; }

static ConstVal *newv(Arena *a, ConstKind k, ConstRepr r)
{
	ConstVal *v = ARENA_NEW(a, ConstVal);
	v->kind = k;
	v->repr = r;
	return v;
}

/* ---- GMP bridges ---- */

static BigNat bn_from_mpz(Arena *a, const mpz_t z)
{
	BigNat b;
	int32_t n = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
	b.size = z->_mp_size;
	b.limbs = n ? arena_memdup(a, z->_mp_d, (size_t)n * sizeof(mp_limb_t)) : NULL;
	return b;
}

static void bn_get(mpz_t out, BigNat b)
{
	mpz_t view;
	static const mp_limb_t zero = 0;
	mpz_roinit_n(view, b.limbs ? (const mp_limb_t *)b.limbs : &zero, b.size);
	mpz_set(out, view);
}

/* Loads an int value into z (initialised by the caller). */
static void get_int(mpz_t z, const ConstVal *x)
{
	if (x->repr == CR_SMALL) mpz_set_si(z, x->small);
	else bn_get(z, x->big);
}

/* Loads an int or float value as a rational. */
static void get_q(mpq_t q, const ConstVal *x)
{
	if (x->repr == CR_SMALL || x->repr == CR_BIG) {
		get_int(mpq_numref(q), x);
		mpz_set_ui(mpq_denref(q), 1);
	} else {
		bn_get(mpq_numref(q), x->rat.num);
		bn_get(mpq_denref(q), x->rat.den);
	}
}

static ConstVal *make_int(Arena *a, const mpz_t z)
{
	if (mpz_fits_slong_p(z)) return const_make_int64(a, mpz_get_si(z));
	ConstVal *v = newv(a, CK_INT, CR_BIG);
	v->big = bn_from_mpz(a, z);
	return v;
}

static ConstVal *store_q(Arena *a, const mpq_t q, ConstRepr r)
{
	ConstVal *v = newv(a, CK_FLOAT, r);
	v->rat.num = bn_from_mpz(a, mpq_numref(q));
	v->rat.den = bn_from_mpz(a, mpq_denref(q));
	return v;
}

/* floor(log2 |q|) for q != 0 */
static long q_ilog2(const mpq_t q)
{
	mpz_t n, t;
	mpz_init(n);
	mpz_init(t);
	mpz_abs(n, mpq_numref(q));
	long e = (long)mpz_sizeinbase(n, 2) - (long)mpz_sizeinbase(mpq_denref(q), 2);
	if (e >= 0) {
		mpz_mul_2exp(t, mpq_denref(q), (mp_bitcnt_t)e);
		if (mpz_cmp(n, t) < 0) e--;
	} else {
		mpz_mul_2exp(t, n, (mp_bitcnt_t)-e);
		if (mpz_cmp(t, mpq_denref(q)) < 0) e--;
	}
	mpz_clear(n);
	mpz_clear(t);
	return e;
}

/* Rounds q (nonzero) to prec mantissa bits, nearest even, with the least significant bit's
 * exponent at least lsb_min: out = m * 2^e. Returns floor(log2 |out|). */
static long q_round(mpq_t out, const mpq_t q, int prec, long lsb_min)
{
	long E = q_ilog2(q);
	long lsb = E - (prec - 1);
	if (lsb < lsb_min) lsb = lsb_min;
	mpz_t num, den, m, r;
	mpz_inits(num, den, m, r, NULL);
	mpz_abs(num, mpq_numref(q));
	mpz_set(den, mpq_denref(q));
	if (lsb >= 0) mpz_mul_2exp(den, den, (mp_bitcnt_t)lsb);
	else mpz_mul_2exp(num, num, (mp_bitcnt_t)-lsb);
	mpz_fdiv_qr(m, r, num, den);
	mpz_mul_2exp(r, r, 1);
	int c = mpz_cmp(r, den);
	if (c > 0 || (c == 0 && mpz_odd_p(m))) mpz_add_ui(m, m, 1);
	if (mpq_sgn(q) < 0) mpz_neg(m, m);
	mpq_set_z(out, m);
	if (lsb >= 0) mpq_mul_2exp(out, out, (mp_bitcnt_t)lsb);
	else mpq_div_2exp(out, out, (mp_bitcnt_t)-lsb);
	long res = mpz_sgn(m) ? (long)mpz_sizeinbase(m, 2) - 1 + lsb : lsb_min;
	mpz_clears(num, den, m, r, NULL);
	return res;
}

/* go/constant makeFloat on an exact value: round to 512 bits; zero stays a floatVal 0. */
static ConstVal *make_float(Arena *a, const mpq_t q)
{
	if (mpq_sgn(q) == 0) {
		mpq_t z;
		mpq_init(z);
		ConstVal *v = store_q(a, z, CR_FLOAT);
		mpq_clear(z);
		return v;
	}
	long E = q_ilog2(q);
	if (E > CONST_MAX_EXP || E < -CONST_MAX_EXP) return const_unknown();
	mpq_t r;
	mpq_init(r);
	q_round(r, q, PREC, -(1L << 40));
	ConstVal *v = store_q(a, r, CR_FLOAT);
	mpq_clear(r);
	return v;
}

/* go/constant makeRat: stays a fraction while its parts are under 4096 bits. */
static ConstVal *make_rat(Arena *a, const mpq_t q)
{
	if (mpz_sizeinbase(mpq_numref(q), 2) < MAX_EXP && mpz_sizeinbase(mpq_denref(q), 2) < MAX_EXP)
		return store_q(a, q, CR_RAT);
	return make_float(a, q);
}

static ConstVal *make_complex(Arena *a, ConstVal *re, ConstVal *im)
{
	if (re->kind == CK_UNKNOWN || im->kind == CK_UNKNOWN) return const_unknown();
	ConstVal *v = newv(a, CK_COMPLEX, CR_SMALL);
	v->cplx.re = re;
	v->cplx.im = im;
	return v;
}

/* ---- making values ---- */

ConstVal *const_make_bool(Arena *a, bool b)
{
	ConstVal *v = newv(a, CK_BOOL, CR_SMALL);
	v->b = b;
	return v;
}

ConstVal *const_make_string(Arena *a, const char *s, size_t n)
{
	ConstVal *v = newv(a, CK_STRING, CR_SMALL);
	v->str.s = arena_strndup(a, s, n);
	v->str.len = n;
	return v;
}

ConstVal *const_make_int64(Arena *a, int64_t x)
{
	ConstVal *v = newv(a, CK_INT, CR_SMALL);
	v->small = x;
	return v;
}

ConstVal *const_make_uint64(Arena *a, uint64_t x)
{
	if (x < (1ull << 63)) return const_make_int64(a, (int64_t)x);
	mpz_t z;
	mpz_init(z);
	mpz_import(z, 1, 1, sizeof x, 0, 0, &x);
	ConstVal *v = make_int(a, z);
	mpz_clear(z);
	return v;
}

ConstVal *const_make_float64(Arena *a, double x)
{
	if (isinf(x) || isnan(x)) return const_unknown();
	mpq_t q;
	mpq_init(q);
	mpq_set_d(q, x + 0.0);
	int e;
	frexp(x, &e);
	ConstVal *v = (-MAX_EXP < e && e < MAX_EXP) ? store_q(a, q, CR_RAT) : make_float(a, q);
	mpq_clear(q);
	return v;
}

/* ---- literals ---- */

static int digit_val(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return 99;
}

/* Integer literal: 0x, 0o, 0b prefixes, legacy octal, underscores between digits. */
static ConstVal *int_literal(Arena *a, const char *s, size_t n)
{
	int base = 10;
	size_t i = 0;
	char *buf = xmalloc(n + 2);
	size_t k = 0;
	/* a sign, as strconv.ParseInt accepts (never in Go source) */
	if (n > 1 && (s[0] == '-' || s[0] == '+')) {
		if (s[0] == '-') buf[k++] = '-';
		s++;
		n--;
	}
	if (n >= 2 && s[0] == '0') {
		char c = s[1] | 0x20;
		if (c == 'x') base = 16, i = 2;
		else if (c == 'o') base = 8, i = 2;
		else if (c == 'b') base = 2, i = 2;
		else base = 8, i = 1;
	}
	size_t k0 = k;
	bool ok = true;
	for (; i < n; i++) {
		if (s[i] == '_') continue;
		if (digit_val((unsigned char)s[i]) >= base) ok = false;
		buf[k++] = s[i];
	}
	if (k == k0) {
		/* "0" alone reaches here with base 8 and no digits */
		if (!(n == 1 && s[0] == '0')) ok = false;
		buf[k++] = '0';
	}
	buf[k] = 0;
	ConstVal *v = const_unknown();
	if (ok) {
		mpz_t z;
		mpz_init(z);
		if (mpz_set_str(z, buf, base) == 0) v = make_int(a, z);
		mpz_clear(z);
	}
	free(buf);
	return v;
}

/* Float literal (decimal, or hexadecimal with a p exponent; also the 0b/0o forms
 * big.Float.SetString accepts) as an exact rational; false when malformed. */
static bool float_literal_q(mpq_t q, const char *s, size_t n)
{
	int base = 10;
	size_t i = 0;
	if (n >= 2 && s[0] == '0') {
		char c = s[1] | 0x20;
		if (c == 'x') base = 16, i = 2;
		else if (c == 'o') base = 8, i = 2;
		else if (c == 'b') base = 2, i = 2;
	}
	bool negative = false;
	if (n > 1 && (s[0] == '-' || s[0] == '+')) { /* big.Float.SetString accepts a sign */
		negative = s[0] == '-';
		s++;
		n--;
		if (n >= 2 && s[0] == '0') {
			char c = s[1] | 0x20;
			if (c == 'x') base = 16, i = 2;
			else if (c == 'o') base = 8, i = 2;
			else if (c == 'b') base = 2, i = 2;
		}
	}
	mpz_t m;
	mpz_init(m);
	long frac = 0, exp = 0;
	bool seen_dot = false, digits = false;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '_') continue;
		if (c == '.') {
			if (seen_dot) goto bad;
			seen_dot = true;
			continue;
		}
		int d = digit_val((unsigned char)c);
		if (d >= base) break;
		mpz_mul_ui(m, m, (unsigned long)base);
		mpz_add_ui(m, m, (unsigned long)d);
		if (seen_dot) frac++;
		digits = true;
	}
	if (!digits) goto bad;
	bool bin_exp = false;
	if (i < n) {
		char c = s[i] | 0x20;
		if (base == 10 && c == 'e') bin_exp = false;
		else if (base != 10 && c == 'p') bin_exp = true;
		else goto bad;
		i++;
		bool neg = false;
		if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
		if (i >= n) goto bad;
		for (; i < n; i++) {
			if (s[i] == '_') continue;
			if (s[i] < '0' || s[i] > '9') goto bad;
			if (exp < 100000000) exp = exp * 10 + (s[i] - '0');
		}
		if (neg) exp = -exp;
	} else if (base != 10 && seen_dot) {
		goto bad; /* hex mantissa with a point needs a p exponent */
	}
	/* value = m * base^-frac * (10 or 2)^exp */
	long e10 = 0, e2 = 0;
	if (base == 10) e10 = exp - frac;
	else {
		int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
		e2 = (bin_exp ? exp : 0) - frac * bits;
	}
	if (labs(e10) > CONST_MAX_EXP / 3 || labs(e2) > CONST_MAX_EXP) {
		if (mpz_sgn(m) != 0) goto bad; /* too large to hold: unknown (documented bound) */
		e10 = e2 = 0;
	}
	mpq_set_z(q, m);
	if (e10) {
		mpz_t p;
		mpz_init(p);
		mpz_ui_pow_ui(p, 10, (unsigned long)labs(e10));
		if (e10 > 0) mpz_mul(mpq_numref(q), mpq_numref(q), p);
		else mpz_mul(mpq_denref(q), mpq_denref(q), p);
		mpz_clear(p);
		mpq_canonicalize(q);
	}
	if (e2 > 0) mpq_mul_2exp(q, q, (mp_bitcnt_t)e2);
	else if (e2 < 0) mpq_div_2exp(q, q, (mp_bitcnt_t)-e2);
	if (negative) mpq_neg(q, q);
	mpz_clear(m);
	return true;
bad:
	mpz_clear(m);
	return false;
}

/* go/constant makeFloatFromLiteral: a fraction when its binary exponent is small (after
 * rounding to 512 bits, as big.Float.SetString does), else a 512-bit float. */
static ConstVal *float_literal(Arena *a, const char *s, size_t n)
{
	mpq_t q;
	mpq_init(q);
	ConstVal *v = const_unknown();
	if (float_literal_q(q, s, n)) {
		if (mpq_sgn(q) == 0) {
			v = store_q(a, q, CR_RAT);
		} else {
			mpq_t r;
			mpq_init(r);
			long e = q_round(r, q, PREC, -(1L << 40)) + 1; /* big.Float MantExp */
			v = (-MAX_EXP < e && e < MAX_EXP) ? store_q(a, q, CR_RAT) : make_float(a, q);
			mpq_clear(r);
		}
	}
	mpq_clear(q);
	return v;
}



/* strconv.UnquoteChar: one (possibly escaped) character of a quoted literal. Returns the
 * bytes consumed, 0 on error; *r is the rune, *is_byte whether it was \x or octal. */
static size_t unquote_char(const char *s, size_t n, char quote, uint32_t *r, bool *is_byte)
{
	*is_byte = false;
	if (n == 0) return 0;
	if (s[0] != '\\') {
		if (s[0] == quote && quote != '`') return 0;
		uint32_t w;
		*r = base_utf8_decode((const unsigned char *)s, n, &w);
		return w;
	}
	if (n < 2) return 0;
	char c = s[1];
	switch (c) {
	case 'a': *r = 7; return 2;
	case 'b': *r = 8; return 2;
	case 'f': *r = 12; return 2;
	case 'n': *r = 10; return 2;
	case 'r': *r = 13; return 2;
	case 't': *r = 9; return 2;
	case 'v': *r = 11; return 2;
	case '\\': *r = '\\'; return 2;
	case '\'': case '"':
		if (c != quote) return 0;
		*r = (uint32_t)c;
		return 2;
	case 'x': case 'u': case 'U': {
		size_t k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		if (n < 2 + k) return 0;
		uint32_t v = 0;
		for (size_t i = 0; i < k; i++) {
			int d = digit_val((unsigned char)s[2 + i]);
			if (d >= 16) return 0;
			v = v * 16 + (uint32_t)d;
		}
		if (c == 'x') { *is_byte = true; *r = v; return 2 + k; }
		if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
		*r = v;
		return 2 + k;
	}
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
		if (n < 4) return 0;
		uint32_t v = 0;
		for (int i = 1; i <= 3; i++) {
			if (s[i] < '0' || s[i] > '7') return 0;
			v = v * 8 + (uint32_t)(s[i] - '0');
		}
		if (v > 255) return 0;
		*is_byte = true;
		*r = v;
		return 4;
	}
	default:
		return 0;
	}
}

ConstVal *const_from_literal(Arena *a, const char *lit, size_t n, char tok)
{
	switch (tok) {
	case 'i':
		return int_literal(a, lit, n);
	case 'f':
		return float_literal(a, lit, n);
	case 'j': {
		if (n == 0 || lit[n - 1] != 'i') return const_unknown();
		ConstVal *im = float_literal(a, lit, n - 1);
		if (im->kind == CK_UNKNOWN) return im;
		return make_complex(a, const_make_int64(a, 0), im);
	}
	case 'c': {
		if (n < 3 || lit[0] != '\'' || lit[n - 1] != '\'') return const_unknown();
		uint32_t r;
		bool b;
		size_t k = unquote_char(lit + 1, n - 2, '\'', &r, &b);
		if (k == 0 || k != n - 2) return const_unknown();
		return const_make_int64(a, r);
	}
	case 's': {
		if (n < 2 || lit[0] != lit[n - 1] || (lit[0] != '"' && lit[0] != '`')) return const_unknown();
		char *buf = xmalloc(n * 2 + 1);
		size_t k = 0;
		if (lit[0] == '`') {
			for (size_t i = 1; i < n - 1; i++)
				if (lit[i] != '\r') buf[k++] = lit[i];
		} else {
			for (size_t i = 1; i < n - 1;) {
				uint32_t r;
				bool isb;
				if (lit[i] == '\n') { free(buf); return const_unknown(); }
				size_t c = unquote_char(lit + i, n - 1 - i, '"', &r, &isb);
				if (c == 0) { free(buf); return const_unknown(); }
				if (isb) buf[k++] = (char)r;
				else if (lit[i] != '\\') { memcpy(buf + k, lit + i, c); k += c; }
				else k += base_utf8_encode(r, buf + k);
				i += c;
			}
		}
		ConstVal *v = const_make_string(a, buf, k);
		free(buf);
		return v;
	}
	default:
		return const_unknown();
	}
}

/* ---- accessors ---- */

bool const_bool_val(const ConstVal *x) { return x->kind == CK_BOOL && x->b; }

int64_t const_int64_val(const ConstVal *x, bool *exact)
{
	if (x->kind == CK_INT && x->repr == CR_SMALL) { *exact = true; return x->small; }
	*exact = false;
	if (x->kind != CK_INT) return 0;
	mpz_t z;
	mpz_init(z);
	get_int(z, x);
	mpz_tdiv_r_2exp(z, z, 64);
	uint64_t u = 0;
	mpz_export(&u, NULL, -1, sizeof u, 0, 0, z);
	if (mpz_sgn(z) < 0) u = (uint64_t)0 - u;
	mpz_clear(z);
	return (int64_t)u;
}

uint64_t const_uint64_val(const ConstVal *x, bool *exact)
{
	if (x->kind == CK_INT && x->repr == CR_SMALL) { *exact = x->small >= 0; return (uint64_t)x->small; }
	*exact = false;
	if (x->kind != CK_INT) return 0;
	mpz_t z;
	mpz_init(z);
	get_int(z, x);
	*exact = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
	uint64_t u = 0;
	mpz_t low;
	mpz_init(low);
	mpz_abs(low, z);
	mpz_tdiv_r_2exp(low, low, 64);
	mpz_export(&u, NULL, -1, sizeof u, 0, 0, low);
	mpz_clear(low);
	mpz_clear(z);
	return u;
}

/* Nearest float64 (float32 when f32) to a real value; inf on overflow. */
static double q_to_double(const mpq_t q, bool f32, bool *exact)
{
	if (mpq_sgn(q) == 0) { *exact = true; return 0.0; }
	int prec = f32 ? 24 : 53;
	long lsb_min = f32 ? -149 : -1074, emax = f32 ? 128 : 1024;
	mpq_t r;
	mpq_init(r);
	long e = q_round(r, q, prec, lsb_min);
	double d;
	if (e >= emax) d = mpq_sgn(q) > 0 ? INFINITY : -INFINITY;
	else d = mpq_get_d(r); /* exact: r has at most 53 significant bits */
	*exact = mpq_equal(r, q) && !isinf(d);
	mpq_clear(r);
	return d;
}

/* big.Float conversion of an int or rat first rounds to 512 bits (double rounding, as in
 * go/constant for intVal and floatVal); ratVal converts directly (big.Rat.Float64). */
static double val_to_double(const ConstVal *x, bool f32, bool *exact)
{
	mpq_t q;
	mpq_init(q);
	get_q(q, x);
	if (x->repr == CR_BIG && mpq_sgn(q) != 0) {
		mpq_t r;
		mpq_init(r);
		q_round(r, q, PREC, -(1L << 40));
		bool ex;
		double d = q_to_double(r, f32, &ex);
		*exact = ex && mpq_equal(r, q);
		mpq_clear(r);
		mpq_clear(q);
		return d;
	}
	double d = q_to_double(q, f32, exact);
	mpq_clear(q);
	return d;
}

double const_float64_val(const ConstVal *x, bool *exact)
{
	*exact = false;
	if (x->kind != CK_INT && x->kind != CK_FLOAT) return 0;
	return val_to_double(x, false, exact);
}

float const_float32_val(const ConstVal *x, bool *exact)
{
	*exact = false;
	if (x->kind != CK_INT && x->kind != CK_FLOAT) return 0;
	return (float)val_to_double(x, true, exact);
}

int const_sign(const ConstVal *x)
{
	switch (x->kind) {
	case CK_INT:
		if (x->repr == CR_SMALL) return (x->small > 0) - (x->small < 0);
		return x->big.size > 0 ? 1 : x->big.size < 0 ? -1 : 0;
	case CK_FLOAT:
		return x->rat.num.size > 0 ? 1 : x->rat.num.size < 0 ? -1 : 0;
	case CK_COMPLEX:
		return const_sign(x->cplx.re) | const_sign(x->cplx.im);
	case CK_UNKNOWN:
		return 1;
	case CK_BOOL:
	case CK_STRING:
		break;
	}
	return 0;
}

int const_bitlen(const ConstVal *x)
{
	if (x->kind != CK_INT) return 0;
	mpz_t z;
	mpz_init(z);
	get_int(z, x);
	int n = mpz_sgn(z) ? (int)mpz_sizeinbase(z, 2) : 0;
	mpz_clear(z);
	return n;
}

bool const_is_int_valued(const ConstVal *x)
{
	if (x->kind == CK_INT) return true;
	if (x->kind != CK_FLOAT) return false;
	return x->rat.den.size == 1 && x->rat.den.limbs[0] == 1;
}

/* ---- conversions between kinds ---- */

ConstVal *const_to_int(Arena *a, const ConstVal *x)
{
	switch (x->kind) {
	case CK_INT:
		return (ConstVal *)x;
	case CK_FLOAT: {
		if (x->repr == CR_FLOAT) {
			/* go/constant: only "small" floats (binary exponent within +-4096) convert */
			mpq_t q;
			mpq_init(q);
			get_q(q, x);
			long e = mpq_sgn(q) ? q_ilog2(q) + 1 : 0;
			mpq_clear(q);
			if (!(-MAX_EXP < e && e < MAX_EXP)) return const_unknown();
		}
		if (const_is_int_valued(x)) {
			mpz_t z;
			mpz_init(z);
			bn_get(z, x->rat.num);
			ConstVal *v = make_int(a, z);
			mpz_clear(z);
			return v;
		}
		if (x->repr == CR_FLOAT) {
			/* go/constant: a float within a few ulps (4 bits below 512) of an integer */
			mpq_t q, r;
			mpq_inits(q, r, NULL);
			get_q(q, x);
			mpz_t i;
			mpz_init(i);
			ConstVal *v = const_unknown();
			long e = q_ilog2(q);
			if (-MAX_EXP < e + 1 && e + 1 < MAX_EXP) {
				for (int mode = 0; mode < 2 && v->kind == CK_UNKNOWN; mode++) {
					/* round to PREC-4 bits toward zero, then away from zero */
					long lsb = e - (PREC - 4 - 1);
					mpz_t num, den, m, rem;
					mpz_inits(num, den, m, rem, NULL);
					mpz_abs(num, mpq_numref(q));
					mpz_set(den, mpq_denref(q));
					if (lsb >= 0) mpz_mul_2exp(den, den, (mp_bitcnt_t)lsb);
					else mpz_mul_2exp(num, num, (mp_bitcnt_t)-lsb);
					mpz_fdiv_qr(m, rem, num, den);
					if (mode == 1 && mpz_sgn(rem)) mpz_add_ui(m, m, 1);
					if (mpq_sgn(q) < 0) mpz_neg(m, m);
					mpq_set_z(r, m);
					if (lsb >= 0) mpq_mul_2exp(r, r, (mp_bitcnt_t)lsb);
					else mpq_div_2exp(r, r, (mp_bitcnt_t)-lsb);
					if (mpz_cmp_ui(mpq_denref(r), 1) == 0) v = make_int(a, mpq_numref(r));
					mpz_clears(num, den, m, rem, NULL);
				}
			}
			mpz_clear(i);
			mpq_clears(q, r, NULL);
			return v;
		}
		return const_unknown();
	}
	case CK_COMPLEX: {
		ConstVal *re = const_to_float(a, x);
		if (re->kind == CK_FLOAT) return const_to_int(a, re);
		return const_unknown();
	}
	case CK_UNKNOWN: case CK_BOOL: case CK_STRING:
		break;
	}
	return const_unknown();
}

ConstVal *const_to_float(Arena *a, const ConstVal *x)
{
	switch (x->kind) {
	case CK_INT: {
		mpq_t q;
		mpq_init(q);
		get_q(q, x);
		ConstVal *v = (x->repr == CR_SMALL || mpz_sizeinbase(mpq_numref(q), 2) < MAX_EXP) ? store_q(a, q, CR_RAT)
		                                                                                  : make_float(a, q);
		mpq_clear(q);
		return v;
	}
	case CK_FLOAT:
		return (ConstVal *)x;
	case CK_COMPLEX:
		if (const_sign(x->cplx.im) == 0) return const_to_float(a, x->cplx.re);
		break;
	case CK_UNKNOWN: case CK_BOOL: case CK_STRING:
		break;
	}
	return const_unknown();
}

ConstVal *const_to_complex(Arena *a, const ConstVal *x)
{
	switch (x->kind) {
	case CK_INT: case CK_FLOAT: return make_complex(a, (ConstVal *)x, const_make_int64(a, 0));
	case CK_COMPLEX: return (ConstVal *)x;
	case CK_UNKNOWN: case CK_BOOL: case CK_STRING: break;
	}
	return const_unknown();
}

ConstVal *const_real(Arena *a, const ConstVal *x)
{
	(void)a;
	if (x->kind == CK_COMPLEX) return x->cplx.re;
	return (ConstVal *)x;
}

ConstVal *const_imag(Arena *a, const ConstVal *x)
{
	if (x->kind == CK_COMPLEX) return x->cplx.im;
	if (x->kind == CK_UNKNOWN) return (ConstVal *)x;
	return const_make_int64(a, 0);
}

ConstVal *const_make_imag(Arena *a, const ConstVal *x)
{
	if (x->kind == CK_UNKNOWN) return (ConstVal *)x;
	return make_complex(a, const_make_int64(a, 0), (ConstVal *)x);
}

/* ---- operations ---- */

ConstVal *const_unary(Arena *a, ConstOp op, const ConstVal *y, unsigned prec)
{
	if (y->kind == CK_UNKNOWN) return (ConstVal *)y;
	switch (op) {
	case COP_ADD:
		if (y->kind == CK_INT || y->kind == CK_FLOAT || y->kind == CK_COMPLEX) return (ConstVal *)y;
		return NULL;
	case COP_SUB:
		if (y->kind == CK_INT) {
			if (y->repr == CR_SMALL && y->small != INT64_MIN) return const_make_int64(a, -y->small);
			mpz_t z;
			mpz_init(z);
			get_int(z, y);
			mpz_neg(z, z);
			ConstVal *v = make_int(a, z);
			mpz_clear(z);
			return v;
		}
		if (y->kind == CK_FLOAT) {
			ConstVal *v = arena_memdup(a, y, sizeof *y);
			v->rat.num.size = -v->rat.num.size;
			return v;
		}
		if (y->kind == CK_COMPLEX)
			return make_complex(a, const_unary(a, COP_SUB, y->cplx.re, 0), const_unary(a, COP_SUB, y->cplx.im, 0));
		return NULL;
	case COP_XOR: {
		if (y->kind != CK_INT) return NULL;
		mpz_t z;
		mpz_init(z);
		get_int(z, y);
		mpz_com(z, z);
		if (prec > 0) mpz_fdiv_r_2exp(z, z, prec); /* z &^= -1 << prec */
		ConstVal *v = make_int(a, z);
		mpz_clear(z);
		return v;
	}
	case COP_NOT:
		if (y->kind == CK_BOOL) return const_make_bool(a, !y->b);
		return NULL;
	case COP_MUL: case COP_QUO: case COP_QUO_INT: case COP_REM: case COP_AND: case COP_OR: case COP_AND_NOT:
	case COP_SHL: case COP_SHR: case COP_LAND: case COP_LOR: case COP_EQL: case COP_NEQ: case COP_LSS:
	case COP_LEQ: case COP_GTR: case COP_GEQ: case COP_COUNT:
		break;
	}
	return NULL;
}

/* go/constant ord: the representation rank used by match. */
static int ord(const ConstVal *x)
{
	switch (x->kind) {
	case CK_UNKNOWN: return 0;
	case CK_BOOL: case CK_STRING: return 1;
	case CK_INT: return x->repr == CR_SMALL ? 2 : 3;
	case CK_FLOAT: return x->repr == CR_RAT ? 4 : 5;
	case CK_COMPLEX: return 6;
	}
	return -1;
}

/* Converts x up to the representation rank r (match0). */
static const ConstVal *promote(Arena *a, const ConstVal *x, int r)
{
	int o = ord(x);
	if (o >= r || o < 2) return x;
	if (r == 3) return x; /* small and big ints are both loaded through get_int */
	if (r == 4) return const_to_float(a, x);
	if (r == 5) {
		mpq_t q;
		mpq_init(q);
		get_q(q, x);
		ConstVal *v = make_float(a, q); /* itof/rtof: rounded to 512 bits */
		mpq_clear(q);
		return v;
	}
	if (r == 6) return make_complex(a, (ConstVal *)x, const_make_int64(a, 0));
	return x;
}

static bool is63(int64_t x) { return x >= -(INT64_C(1) << 62) && x <= (INT64_C(1) << 62) - 1; }
static bool is32(int64_t x) { return x >= -(INT64_C(1) << 31) && x <= (INT64_C(1) << 31) - 1; }

ConstVal *const_binary(Arena *a, const ConstVal *x0, ConstOp op, const ConstVal *y0)
{
	int r = ord(x0) > ord(y0) ? ord(x0) : ord(y0);
	const ConstVal *x = promote(a, x0, r), *y = promote(a, y0, r);
	if (x->kind == CK_UNKNOWN) return (ConstVal *)x;
	if (y->kind == CK_UNKNOWN) return (ConstVal *)y;
	if (x->kind != y->kind) return NULL;
	switch (x->kind) {
	case CK_BOOL:
		if (op == COP_LAND) return const_make_bool(a, x->b && y->b);
		if (op == COP_LOR) return const_make_bool(a, x->b || y->b);
		return NULL;
	case CK_STRING:
		if (op == COP_ADD) {
			char *s = arena_alloc(a, x->str.len + y->str.len + 1);
			memcpy(s, x->str.s, x->str.len);
			memcpy(s + x->str.len, y->str.s, y->str.len);
			ConstVal *v = newv(a, CK_STRING, CR_SMALL);
			v->str.s = s;
			v->str.len = x->str.len + y->str.len;
			return v;
		}
		return NULL;
	case CK_INT: {
		if ((op == COP_QUO || op == COP_QUO_INT || op == COP_REM) && const_sign(y) == 0) return NULL;
		if (x->repr == CR_SMALL && y->repr == CR_SMALL) {
			int64_t p = x->small, q = y->small;
			switch (op) {
			case COP_ADD: if (is63(p) && is63(q)) return const_make_int64(a, p + q); break;
			case COP_SUB: if (is63(p) && is63(q)) return const_make_int64(a, p - q); break;
			case COP_MUL: if (is32(p) && is32(q)) return const_make_int64(a, p * q); break;
			/* go/constant divides int64 values in int64: MinInt64 / -1 wraps to MinInt64
			 * (and the remainder is 0); reproduced for fidelity */
			case COP_QUO_INT: return const_make_int64(a, q == -1 ? (int64_t)(0 - (uint64_t)p) : p / q);
			case COP_REM: return const_make_int64(a, q == -1 ? 0 : p % q);
			case COP_AND: return const_make_int64(a, p & q);
			case COP_OR: return const_make_int64(a, p | q);
			case COP_XOR: return const_make_int64(a, p ^ q);
			case COP_AND_NOT: return const_make_int64(a, p & ~q);
			case COP_QUO: case COP_SHL: case COP_SHR: case COP_LAND: case COP_LOR: case COP_NOT: case COP_EQL:
			case COP_NEQ: case COP_LSS: case COP_LEQ: case COP_GTR: case COP_GEQ: case COP_COUNT:
				break;
			}
		}
		mpz_t p, q, c;
		mpz_inits(p, q, c, NULL);
		get_int(p, x);
		get_int(q, y);
		ConstVal *v = NULL;
		switch (op) {
		case COP_ADD: mpz_add(c, p, q); break;
		case COP_SUB: mpz_sub(c, p, q); break;
		case COP_MUL: mpz_mul(c, p, q); break;
		case COP_QUO: {
			mpq_t f;
			mpq_init(f);
			mpz_set(mpq_numref(f), p);
			mpz_set(mpq_denref(f), q);
			mpq_canonicalize(f);
			v = make_rat(a, f);
			mpq_clear(f);
			break;
		}
		case COP_QUO_INT: mpz_tdiv_q(c, p, q); break;
		case COP_REM: mpz_tdiv_r(c, p, q); break;
		case COP_AND: mpz_and(c, p, q); break;
		case COP_OR: mpz_ior(c, p, q); break;
		case COP_XOR: mpz_xor(c, p, q); break;
		case COP_AND_NOT: mpz_com(q, q); mpz_and(c, p, q); break;
		case COP_SHL: case COP_SHR: case COP_LAND: case COP_LOR: case COP_NOT: case COP_EQL: case COP_NEQ:
		case COP_LSS: case COP_LEQ: case COP_GTR: case COP_GEQ: case COP_COUNT:
			mpz_clears(p, q, c, NULL);
			return NULL;
		}
		if (!v) v = make_int(a, c);
		mpz_clears(p, q, c, NULL);
		return v;
	}
	case CK_FLOAT: {
		if (op == COP_QUO && const_sign(y) == 0) return NULL;
		mpq_t p, q, c;
		mpq_inits(p, q, c, NULL);
		get_q(p, x);
		get_q(q, y);
		bool ok = true;
		switch (op) {
		case COP_ADD: mpq_add(c, p, q); break;
		case COP_SUB: mpq_sub(c, p, q); break;
		case COP_MUL: mpq_mul(c, p, q); break;
		case COP_QUO: mpq_div(c, p, q); break;
		case COP_QUO_INT: case COP_REM: case COP_AND: case COP_OR: case COP_XOR: case COP_AND_NOT: case COP_SHL:
		case COP_SHR: case COP_LAND: case COP_LOR: case COP_NOT: case COP_EQL: case COP_NEQ: case COP_LSS:
		case COP_LEQ: case COP_GTR: case COP_GEQ: case COP_COUNT:
			ok = false;
			break;
		}
		ConstVal *v = NULL;
		if (ok) v = x->repr == CR_RAT ? make_rat(a, c) : make_float(a, c);
		mpq_clears(p, q, c, NULL);
		return v;
	}
	case CK_COMPLEX: {
		const ConstVal *pa = x->cplx.re, *pb = x->cplx.im, *pc = y->cplx.re, *pd = y->cplx.im;
		ConstVal *re = NULL, *im = NULL;
		switch (op) {
		case COP_ADD:
			re = const_binary(a, pa, COP_ADD, pc);
			im = const_binary(a, pb, COP_ADD, pd);
			break;
		case COP_SUB:
			re = const_binary(a, pa, COP_SUB, pc);
			im = const_binary(a, pb, COP_SUB, pd);
			break;
		case COP_MUL: {
			ConstVal *ac = const_binary(a, pa, COP_MUL, pc), *bd = const_binary(a, pb, COP_MUL, pd);
			ConstVal *bc = const_binary(a, pb, COP_MUL, pc), *ad = const_binary(a, pa, COP_MUL, pd);
			re = const_binary(a, ac, COP_SUB, bd);
			im = const_binary(a, bc, COP_ADD, ad);
			break;
		}
		case COP_QUO: {
			if (const_sign(y) == 0) return NULL;
			ConstVal *ac = const_binary(a, pa, COP_MUL, pc), *bd = const_binary(a, pb, COP_MUL, pd);
			ConstVal *bc = const_binary(a, pb, COP_MUL, pc), *ad = const_binary(a, pa, COP_MUL, pd);
			ConstVal *cc = const_binary(a, pc, COP_MUL, pc), *dd = const_binary(a, pd, COP_MUL, pd);
			ConstVal *s = const_binary(a, cc, COP_ADD, dd);
			re = const_binary(a, const_binary(a, ac, COP_ADD, bd), COP_QUO, s);
			im = const_binary(a, const_binary(a, bc, COP_SUB, ad), COP_QUO, s);
			break;
		}
		case COP_QUO_INT: case COP_REM: case COP_AND: case COP_OR: case COP_XOR: case COP_AND_NOT: case COP_SHL:
		case COP_SHR: case COP_LAND: case COP_LOR: case COP_NOT: case COP_EQL: case COP_NEQ: case COP_LSS:
		case COP_LEQ: case COP_GTR: case COP_GEQ: case COP_COUNT:
			return NULL;
		}
		if (!re || !im) return NULL;
		return make_complex(a, re, im);
	}
	case CK_UNKNOWN:
		break;
	}
	return NULL;
}

ConstVal *const_shift(Arena *a, const ConstVal *x, ConstOp op, unsigned s)
{
	if (x->kind == CK_UNKNOWN) return (ConstVal *)x;
	if (x->kind != CK_INT || (op != COP_SHL && op != COP_SHR)) return NULL;
	if (s == 0) return (ConstVal *)x;
	if (op == COP_SHR && x->repr == CR_SMALL) return const_make_int64(a, s >= 64 ? (x->small < 0 ? -1 : 0) : x->small >> s);
	mpz_t z;
	mpz_init(z);
	get_int(z, x);
	if (op == COP_SHL) mpz_mul_2exp(z, z, s);
	else mpz_fdiv_q_2exp(z, z, s);
	ConstVal *v = make_int(a, z);
	mpz_clear(z);
	return v;
}

static bool cmp_zero(int c, ConstOp op)
{
	switch (op) {
	case COP_EQL: return c == 0;
	case COP_NEQ: return c != 0;
	case COP_LSS: return c < 0;
	case COP_LEQ: return c <= 0;
	case COP_GTR: return c > 0;
	case COP_GEQ: return c >= 0;
	case COP_ADD: case COP_SUB: case COP_MUL: case COP_QUO: case COP_QUO_INT: case COP_REM: case COP_AND:
	case COP_OR: case COP_XOR: case COP_AND_NOT: case COP_SHL: case COP_SHR: case COP_LAND: case COP_LOR:
	case COP_NOT: case COP_COUNT:
		break;
	}
	return false;
}

bool const_compare(const ConstVal *x0, ConstOp op, const ConstVal *y0)
{
	Arena tmp;
	arena_init(&tmp);
	int r = ord(x0) > ord(y0) ? ord(x0) : ord(y0);
	const ConstVal *x = promote(&tmp, x0, r), *y = promote(&tmp, y0, r);
	bool res = false;
	if (x->kind == CK_UNKNOWN || y->kind == CK_UNKNOWN || x->kind != y->kind) goto out;
	switch (x->kind) {
	case CK_BOOL:
		if (op == COP_EQL) res = x->b == y->b;
		else if (op == COP_NEQ) res = x->b != y->b;
		break;
	case CK_STRING: {
		size_t n = x->str.len < y->str.len ? x->str.len : y->str.len;
		int c = memcmp(x->str.s, y->str.s, n);
		if (c == 0) c = (x->str.len > y->str.len) - (x->str.len < y->str.len);
		res = cmp_zero(c, op);
		break;
	}
	case CK_INT:
	case CK_FLOAT: {
		mpq_t p, q;
		mpq_inits(p, q, NULL);
		get_q(p, x);
		get_q(q, y);
		res = cmp_zero(mpq_cmp(p, q), op);
		mpq_clears(p, q, NULL);
		break;
	}
	case CK_COMPLEX: {
		bool re = const_compare(x->cplx.re, COP_EQL, y->cplx.re), im = const_compare(x->cplx.im, COP_EQL, y->cplx.im);
		if (op == COP_EQL) res = re && im;
		else if (op == COP_NEQ) res = !re || !im;
		break;
	}
	case CK_UNKNOWN:
		break;
	}
out:
	arena_free(&tmp);
	return res;
}

/* ---- representability (go/types const.go representableConst) ---- */

static ConstVal *round_float(Arena *a, const ConstVal *x, bool f32)
{
	bool exact;
	double d = f32 ? (double)const_float32_val(x, &exact) : const_float64_val(x, &exact);
	if (isinf(d)) return NULL;
	return const_make_float64(a, d);
}

bool const_representable(Arena *a, const ConstVal *x, BasicKind t, ConstVal **rounded)
{
	if (x->kind == CK_UNKNOWN) return true; /* avoid follow-up errors */
	Type *bt = types_typ[t];
	uint32_t info = bt ? bt->flags : 0;
	if (info & TF_INTEGER) {
		ConstVal *v = const_to_int(a, x);
		if (v->kind != CK_INT) return false;
		if (rounded) *rounded = v;
		if (t == BK_UNTYPED_INT || t == BK_UNTYPED_RUNE) return true;
		int64_t size = 8;
		if (t == BK_INT8 || t == BK_UINT8) size = 1;
		else if (t == BK_INT16 || t == BK_UINT16) size = 2;
		else if (t == BK_INT32 || t == BK_UINT32) size = 4;
		int n = const_bitlen(v), sign = const_sign(v);
		if (info & TF_UNSIGNED) return sign >= 0 && n <= size * 8;
		/* signed: -2^(s-1) <= v <= 2^(s-1)-1 */
		if (sign >= 0) return n <= size * 8 - 1;
		/* negative: |v| <= 2^(s-1) */
		mpz_t z;
		mpz_init(z);
		get_int(z, v);
		mpz_neg(z, z);
		mpz_sub_ui(z, z, 1);
		bool ok = mpz_sgn(z) == 0 || (int)mpz_sizeinbase(z, 2) <= size * 8 - 1;
		mpz_clear(z);
		return ok;
	}
	if (info & TF_FLOAT) {
		ConstVal *v = const_to_float(a, x);
		if (v->kind != CK_FLOAT) return false;
		if (t == BK_UNTYPED_FLOAT) {
			if (rounded) *rounded = v;
			return true;
		}
		ConstVal *r = round_float(a, v, t == BK_FLOAT32);
		if (!r) return false;
		if (rounded) *rounded = r;
		return true;
	}
	if (info & TF_COMPLEX) {
		ConstVal *v = const_to_complex(a, x);
		if (v->kind != CK_COMPLEX) return false;
		if (t == BK_UNTYPED_COMPLEX) {
			if (rounded) *rounded = v;
			return true;
		}
		bool f32 = t == BK_COMPLEX64;
		ConstVal *re = round_float(a, const_to_float(a, v->cplx.re), f32);
		ConstVal *im = round_float(a, const_to_float(a, v->cplx.im), f32);
		if (!re || !im) return false;
		if (rounded) *rounded = const_binary(a, re, COP_ADD, const_make_imag(a, im));
		return true;
	}
	if (info & TF_STRING) return x->kind == CK_STRING;
	if (info & TF_BOOLEAN) return x->kind == CK_BOOL;
	return false;
}

ConstRepCode const_representation(Arena *a, const ConstVal *x, Type *from, BasicKind to, ConstVal **rounded)
{
	if (const_representable(a, x, to, rounded)) return CREP_OK;
	Type *tt = types_typ[to];
	if (from && types_is_numeric(from) && (tt->flags & TF_NUMERIC)) {
		/* integer -> integer: overflows; float -> integer: truncated; float -> float: overflows */
		if (!types_is_integer(from) && (tt->flags & TF_INTEGER)) return CREP_TRUNCATED;
		return CREP_OVERFLOW;
	}
	return CREP_INVALID;
}

bool const_untyped_overflows(const ConstVal *x)
{
	return x->kind == CK_INT && const_bitlen(x) > CONST_UNTYPED_PREC;
}

bool const_convert(Arena *a, const ConstVal *x, Type *from, BasicKind to, ConstVal **out)
{
	if (const_representable(a, x, to, out)) return true;
	if (from && types_is_integer(from) && (types_typ[to]->flags & TF_STRING)) {
		bool ok;
		uint64_t u = const_uint64_val(x, &ok);
		uint32_t r = ok && u <= 0x10FFFF ? (uint32_t)u : 0xFFFD;
		char buf[4];
		size_t n = base_utf8_encode(r, buf); /* surrogates become U+FFFD, as Go's string(rune) */
		if (out) *out = const_make_string(a, buf, n);
		return true;
	}
	return false;
}
