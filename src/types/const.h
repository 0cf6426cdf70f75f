/*
 * const: Go's untyped and typed constant values with go/constant semantics, on GMP.
 *
 * Kinds are go/constant's (unknown, bool, string, int, float, complex). Representations follow
 * go/constant's so that results and printing agree:
 *   int    small (int64) or big (an integer of any size);
 *   float  "rat" (an exact rational, as go/constant's ratVal) or "float" (go/constant's
 *          floatVal: a big.Float of 512-bit mantissa, used when a rational's numerator or
 *          denominator reaches 4096 bits); both are stored as exact GMP rationals, a "float"
 *          being the rational value of its 512-bit rounded mantissa and exponent. Binary
 *          exponents beyond +-CONST_MAX_EXP (far beyond any real program) give unknown,
 *          where go/constant would go on to 2^31 (documented deviation: bounded memory);
 *   complex two values (int/float parts, as go/constant keeps them).
 * Big numbers live in the caller's arena as limb arrays (GMP's mpz_roinit_n gives read-only
 * views for computing; temporaries are cleared at once), so nothing is leaked or freed
 * separately and values are immutable and shareable.
 *
 * Operators are identified by the CONST_OPS table (the Go tokens the checker passes).
 */
#ifndef GOMEM_CONST_H
#define GOMEM_CONST_H

#include "base/base.h"
#include "types/types.h"

#define CONST_MAX_EXP 100000 /* binary exponent bound for float values (see above) */

typedef enum { CK_UNKNOWN, CK_BOOL, CK_STRING, CK_INT, CK_FLOAT, CK_COMPLEX } ConstKind;

/* X(NAME, Go spelling) */
#define CONST_OPS(X)                                                                               \
	X(ADD, "+")                                                                                    \
	X(SUB, "-")                                                                                    \
	X(MUL, "*")                                                                                    \
	X(QUO, "/")                                                                                    \
	X(QUO_INT, "/=") /* integer division (go/constant's token.QUO_ASSIGN trick) */                 \
	X(REM, "%")                                                                                    \
	X(AND, "&")                                                                                    \
	X(OR, "|")                                                                                     \
	X(XOR, "^")                                                                                    \
	X(AND_NOT, "&^")                                                                               \
	X(SHL, "<<")                                                                                   \
	X(SHR, ">>")                                                                                   \
	X(LAND, "&&")                                                                                  \
	X(LOR, "||")                                                                                   \
	X(NOT, "!")                                                                                    \
	X(EQL, "==")                                                                                   \
	X(NEQ, "!=")                                                                                   \
	X(LSS, "<")                                                                                    \
	X(LEQ, "<=")                                                                                   \
	X(GTR, ">")                                                                                    \
	X(GEQ, ">=")

typedef enum {
#define X(n, s) COP_##n,
	CONST_OPS(X)
#undef X
	COP_COUNT
} ConstOp;

extern const char *const const_op_names[COP_COUNT];

typedef struct BigNat {
	uint64_t *limbs; /* little-endian 64-bit limbs (mp_limb_t on amd64) */
	int32_t size;    /* signed: negative numbers have size < 0 (GMP convention) */
} BigNat;

typedef enum { CR_SMALL, CR_BIG, CR_RAT, CR_FLOAT } ConstRepr;

struct ConstVal {
	ConstKind kind;
	ConstRepr repr; /* CK_INT: CR_SMALL or CR_BIG; CK_FLOAT: CR_RAT or CR_FLOAT */
	union {
		bool b;
		struct {
			const char *s;
			size_t len;
		} str;
		int64_t small;
		BigNat big;
		struct {
			BigNat num, den; /* den > 0, gcd 1 */
		} rat;
		struct {
			ConstVal *re, *im;
		} cplx;
	};
};

/* ---- making values ---- */

ConstVal *const_unknown(void);
ConstVal *const_make_bool(Arena *a, bool b);
ConstVal *const_make_string(Arena *a, const char *s, size_t n);
ConstVal *const_make_int64(Arena *a, int64_t x);
ConstVal *const_make_uint64(Arena *a, uint64_t x);
/* go/constant MakeFloat64 (infinities and NaN give unknown). */
ConstVal *const_make_float64(Arena *a, double x);
/* go/constant MakeFromLiteral: tok_kind is one of 'i' (INT), 'f' (FLOAT), 'j' (IMAG),
 * 'c' (CHAR), 's' (STRING). Malformed literals give unknown. */
ConstVal *const_from_literal(Arena *a, const char *lit, size_t n, char tok_kind);

/* ---- accessors ---- */

bool const_bool_val(const ConstVal *x);
/* Int64Val/Uint64Val: *exact tells whether the value fits. */
int64_t const_int64_val(const ConstVal *x, bool *exact);
uint64_t const_uint64_val(const ConstVal *x, bool *exact);
/* Float64Val/Float32Val: nearest value, *exact whether it is exact. */
double const_float64_val(const ConstVal *x, bool *exact);
float const_float32_val(const ConstVal *x, bool *exact);
int const_sign(const ConstVal *x);  /* complex: 0 if both parts are 0, else 1 (as go/constant) */
int const_bitlen(const ConstVal *x);/* ints only */
bool const_is_int_valued(const ConstVal *x); /* integral value (ints, and floats like 2.0) */

/* ---- conversions between kinds (go/constant ToInt, ToFloat, ToComplex, Real, Imag) ---- */

ConstVal *const_to_int(Arena *a, const ConstVal *x);
ConstVal *const_to_float(Arena *a, const ConstVal *x);
ConstVal *const_to_complex(Arena *a, const ConstVal *x);
ConstVal *const_real(Arena *a, const ConstVal *x);
ConstVal *const_imag(Arena *a, const ConstVal *x);
ConstVal *const_make_imag(Arena *a, const ConstVal *x);

/* ---- operations (go/constant UnaryOp, BinaryOp, Shift, Compare) ---- */

/* prec: for ^x on unsigned values, the type's size in bits (0 otherwise). Invalid
 * operations return NULL (the checker reports them before calling). */
ConstVal *const_unary(Arena *a, ConstOp op, const ConstVal *y, unsigned prec);
/* Division by zero returns NULL (the checker reports "division by zero" first). */
ConstVal *const_binary(Arena *a, const ConstVal *x, ConstOp op, const ConstVal *y);
ConstVal *const_shift(Arena *a, const ConstVal *x, ConstOp op, unsigned s);
bool const_compare(const ConstVal *x, ConstOp op, const ConstVal *y);

/* ---- representability (go/types representableConst, roundFloat32/64) ---- */

/* Whether x is representable by a value of basic type t (a basic kind); when rounded is not
 * NULL and x is representable, *rounded gets the value rounded to t (floats, complex). */
bool const_representable(Arena *a, const ConstVal *x, BasicKind t, ConstVal **rounded);

/* go/types Checker.representation: why a constant of basic type `from` does not fit `to`:
 * numeric to numeric is "truncated" (float to integer) or "overflows", else invalid. */
typedef enum { CREP_OK, CREP_TRUNCATED, CREP_OVERFLOW, CREP_INVALID } ConstRepCode;
ConstRepCode const_representation(Arena *a, const ConstVal *x, Type *from, BasicKind to, ConstVal **rounded);
/* go/types constant conversion T(x) to a basic type (conversions.go constConvertibleTo):
 * representable values (rounded), or an integer to a string type (the rune, U+FFFD when out
 * of range). from is x's type. */
bool const_convert(Arena *a, const ConstVal *x, Type *from, BasicKind to, ConstVal **out);
/* go/types Checker.overflow for untyped values: integers may not exceed 512 bits. */
#define CONST_UNTYPED_PREC 512
bool const_untyped_overflows(const ConstVal *x);

/* ---- printing ---- */

/* go/constant Value.String() and ExactString(), into heap strings. */
char *const_string(const ConstVal *x);
char *const_exact_string(const ConstVal *x);
/* Go's fmt %g (strconv 'g', shortest) of a float64, with +Inf, -Inf, NaN. */
void const_fmt_float64(char *out, size_t n, double x);

#endif
