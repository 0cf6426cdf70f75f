/*
 * info.h: what the checker leaves behind for later stages (escape analysis, leak checks):
 * the type and value of every expression (go/types Info.Types), the object of every
 * identifier (Info.Defs/Uses), and per function its closures, their captured variables,
 * and per local variable whether its address is taken and whether it is reassigned.
 *
 * Reading it: a checked Package has `info` (NULL before checking). An expression node's
 * `tv` field is its index + 1 in the table (0: nothing recorded), so a lookup is one array
 * access (in fixed chunks: no copying as the table grows): types_expr_tv(info, e). Entries with type == NULL carry only an identifier's
 * object (a declaring identifier is in Defs but not in Types). Functions are in source
 * order, each followed by its function literals (see TypesFunc). Everything lives in the
 * package's arena.
 */
#ifndef GOMEM_TYPES_INFO_H
#define GOMEM_TYPES_INFO_H

#include "types/types.h"

struct Expr;
struct Stmt;

/* go/types' operand modes as recorded in TypeAndValue: X(enum, name printed by -types) */
#define TYPES_TV_MODES(X)                                                                          \
	X(TV_NONE, "none")                                                                             \
	X(TV_NOVALUE, "novalue")                                                                       \
	X(TV_BUILTIN, "builtin")                                                                       \
	X(TV_TYPE, "type")                                                                             \
	X(TV_CONST, "const")                                                                           \
	X(TV_VAR, "var")                                                                               \
	X(TV_MAPINDEX, "mapindex")                                                                     \
	X(TV_VALUE, "value")                                                                           \
	X(TV_COMMAOK, "commaok")

typedef enum TvMode {
#define X(e, s) e,
	TYPES_TV_MODES(X)
#undef X
	TV__COUNT
} TvMode;

extern const char *const types_tv_mode_names[TV__COUNT];

enum {
	TVF_UNTYPED = 1 << 0,   /* checker-internal: untyped, its final type not known yet */
	TVF_SHIFT_LHS = 1 << 1, /* checker-internal: the untyped lhs of a non-constant shift */
};

typedef struct TypesTV {
	struct Expr *e;
	Object *obj;       /* identifiers: the object of Info.Defs/Uses, or NULL */
	Type *type;        /* Info.Types type; NULL: no Info.Types entry */
	ConstVal *val;     /* TV_CONST: the value */
	uint32_t file;     /* SrcFile id */
	uint8_t mode;      /* TvMode */
	uint8_t flags;     /* TVF_* */
} TypesTV;

/* A variable captured by a function literal. */
typedef struct TypesCapture {
	Object *var;
	bool byval;        /* gc would capture it by value (see docs/types.md for the rule) */
	bool addr, assign; /* what gc's decision saw: address taken, reassigned (escape.go flowClosure) */
} TypesCapture;

/* A function declaration or literal (or the body of a range over a function, a closure for
 * gc: its key and value variables are the closure's parameters). Code gc drops before
 * compiling is not walked (docs/types.md: if false, statements after a return, ...). Local variables and parameters carry the facts as
 * Object flags: VF_ADDR_TAKEN, VF_REASSIGNED, VF_CAPTURED (types.h). */
typedef struct TypesFunc {
	Object *obj;             /* declared functions and methods; NULL for literals */
	struct Expr *lit;        /* function literals: the EXPR_FUNC_LIT; NULL for declarations */
	struct Stmt *range;      /* the body of a range-over-func loop, which gc compiles as a closure */
	uint32_t file, pos;      /* gc's position: the func keyword */
	int32_t outer;           /* index of the enclosing function in info->funcs, -1 at top level */
	struct TypesFunc **closures; /* the function literals directly inside, in source order */
	uint32_t nclosures;
	TypesCapture *captures;  /* literals: free variables, in order of first use */
	uint32_t ncaptures;
	Object **vars;           /* parameters, results and locals declared in it (not in nested literals) */
	uint32_t nvars;
	bool generic;            /* in a generic function (gc compiles it per instantiation) */
} TypesFunc;

#define TYPES_TV_CHUNK 1024

typedef struct TypesInfo {
	TypesTV **tvchunks;      /* entry i is tvchunks[i / TYPES_TV_CHUNK][i % TYPES_TV_CHUNK] */
	uint32_t ntvs;
	TypesFunc **funcs;       /* every function, declarations and literals, in source order */
	uint32_t nfuncs;
} TypesInfo;

/* gc amd64 size of a variable of type t, -1 when it depends on a type parameter. */
int64_t types_var_width(Type *t);

static inline TypesTV *types_tv_at(const TypesInfo *info, uint32_t i)
{
	return &info->tvchunks[i / TYPES_TV_CHUNK][i % TYPES_TV_CHUNK];
}

/* The entry of e (NULL: nothing recorded for it). */
const TypesTV *types_expr_tv(const TypesInfo *info, const struct Expr *e);

#endif
