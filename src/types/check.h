/*
 * check.h: the type checker's internal interface (check.c: package-level declarations and
 * type expressions; check_body.c: expressions and function bodies; cmd_types.c: the command).
 *
 * The syntax tree's ChanDir collides with types.h's, so the syntax header is included with
 * its names renamed here; checker files include this header only.
 *
 * What is implemented (a first slice of go/types): package-level collection into the package
 * and file scopes, imports (pkgname objects, dot imports), lazy resolution of package-level
 * objects with cycle guards, type declarations (named, alias, generic), type expressions of
 * every form, constants with iota and constant expressions, function and method signatures,
 * variables with explicit types, and in bodies: scoping of every local declaration and the
 * operand types that are easy to get right. Where a type is not known the checker records
 * nothing rather than something wrong (the differential test counts missing lines).
 *
 * Threads: packages are checked in parallel (docs/types.md "Parallel checking"). An imported
 * package's objects and types are read by other checkers at the same time: never write to
 * them (flags, fields, caches); mark only objects with obj->pkg == c->pkg. Lazy data of
 * shared types goes through the types_* functions, which guard it (share.c).
 */
#ifndef GOMEM_TYPES_CHECK_H
#define GOMEM_TYPES_CHECK_H

#define ChanDir SynChanDir
#define CHAN_SEND SYN_CHAN_SEND
#define CHAN_RECV SYN_CHAN_RECV
#define CHAN_BOTH SYN_CHAN_BOTH
#include <stdlib.h>
#include "syntax/ast.h"
#undef ChanDir
#undef CHAN_SEND
#undef CHAN_RECV
#undef CHAN_BOTH
#include "types/const.h"
#include "types/types.h"
#include "types/info.h"

#define CHECK_MAX_DEPTH 2000

/* A recorded identifier: go/types Info.Defs/Uses entry. */
typedef struct CheckRec {
	uint32_t file, off;
	Name *name;
	Object *obj;
} CheckRec;

typedef struct DeclInfo {
	Object *obj;
	SynFile *file;
	Scope *fscope;
	Spec *spec;        /* const/var/type spec */
	Decl *fdecl;       /* func decl */
	Expr *init;        /* var/const: the value (NULL for none / n:1 var) */
	Expr *ctype;       /* const: type (inherited for implicit repetition) */
	int64_t iota;
	int state;         /* 0 unresolved, 1 resolving, 2 done */
	bool init_done;    /* var: its value was evaluated for its type */
} DeclInfo;

typedef enum { OP_INVALID, OP_NOVALUE, OP_TYPE, OP_CONST, OP_VAR, OP_VALUE, OP_BUILTIN, OP_PKG, OP_NIL } OpMode;

typedef struct Operand {
	OpMode mode;
	Type *type;     /* NULL: unknown */
	ConstVal *val;  /* OP_CONST */
	Object *obj;    /* OP_PKG, OP_BUILTIN */
	Type **targs;   /* a generic function partially instantiated: the first ntargs */
	uint32_t ntargs;
} Operand;

typedef struct Checker {
	Arena *a;
	Package *pkg;
	SynFile **files;
	uint32_t nfiles;
	Scope **fscopes;
	Vec(CheckRec) recs;
	Vec(TypesTV *) tvchunks; /* Info.Types and identifier objects, entry Expr.tv - 1 (check_record.c) */
	uint32_t ntvs;
	Type *empty_tuple; /* the type recorded for calls without results */
	bool generic_ok;   /* record a generic function value (the x of x[T]) */
	DeclInfo *decls;   /* indexed by obj->order - 1 */
	uint32_t ndecls, capdecls;
	Vec(Decl *) methods; /* method declarations, checked after the types */
	Diags *diags;
	int depth;
	bool record;       /* record Defs/Uses (off while re-evaluating) */
	int64_t iota;      /* -1: not in a constant declaration */
	Scope *scope;      /* current scope */
	Type *sig;         /* current function signature */
	Scope *labels;     /* the current function's labels */
	uint32_t ncallrecv; /* function calls and receives evaluated (go/types hasCallOrRecv) */
	Vec(Object *) imports; /* pkgname objects, for "imported and not used" */
	Vec(Object *) locals; /* local variables of the functions being checked ("declared and not used") */
	Map reported;      /* positions with an error already (one error per position) */
	int quiet;         /* > 0: lookups may fail legitimately (keys of untyped composite literals) */
	bool no_errors;    /* CheckConfig.no_errors */
	uint32_t nerrors;  /* type errors reported so far */
	bool complete;     /* CheckConfig.complete */
	Object *cur_decl;  /* the package-level var, const or func whose value or body is checked (dependencies) */
	void *deps;        /* check_cycles.c: dependencies of package-level objects */
	Vec(Object *) objpath; /* package-level objects being resolved (check_obj_decl), outermost first */
	uint32_t nbad;     /* bad statements seen (their operands are unknown: no unused-variable errors) */
	bool inst_ok;      /* the type expression being checked is instantiated (G in G[int]) */
	bool mono_done;    /* an instantiation cycle was reported (types2 reports one per package) */
	Vec(Pos) nobody;   /* functions without body: reported only when nothing else was (gc's noder) */
	Vec(void *) verifies; /* instances whose type arguments are verified at the end (check_instantiate.c) */
	uint32_t errpos;   /* nonzero: offset + 1 where every error goes (an inherited constant
	                    * initializer is reported at the constant's name, as types2 does) */
	Package *(*import)(void *arg, const char *path);
	void *import_arg;
} Checker;

/* check.c */
void check_errorf(Checker *c, uint32_t file, uint32_t off, const char *fmt, ...) PRINTF_LIKE(4, 5);
void check_record(Checker *c, SynFile *f, Expr *id, Object *obj);
void check_recordp(Checker *c, uint32_t file, Expr *id, Object *obj);
Object *check_lookup(Checker *c, Name *n);
void check_obj_decl(Checker *c, Object *obj);
Type *check_typexpr(Checker *c, uint32_t file, Expr *e);
Type *check_signature(Checker *c, uint32_t file, Expr *ftype, Scope *scope, Object *recv);
void check_tparams(Checker *c, uint32_t file, FieldList *l, TypeList *out);
Type *check_invalid(void);

/* linedir.c: the position go/token reports for an offset of f (line directives applied;
 * col 0: unknown). The cache holds the directives of the last file asked about: zero it
 * first, free it with types_token_pos_free. *file lives as long as the cache's file. */
typedef struct TokenPosCache {
	const SrcFile *f;
	struct LineInfo {
		uint32_t off; /* where the directive takes effect */
		char *file;
		uint32_t line, col;
	} *v;
	size_t n, cap;
} TokenPosCache;
void types_token_position(TokenPosCache *cache, SrcFile *f, uint32_t off, const char **file, uint32_t *line, uint32_t *col);
void types_token_pos_free(TokenPosCache *cache);
/* check_decl_errs.c: declaration errors */
const char *check_pos_str(Checker *c, Pos p);
uint32_t check_start_pos(Expr *e);
const char *check_tstr(Checker *c, Type *t);
const char *check_qualify(Checker *c, const char *typestring);
bool check_type_known(Type *t, int depth);
void check_redeclared(Checker *c, Object *obj, Object *alt);
void check_declare_local(Checker *c, Scope *s, Object *obj);
bool check_pkg_name_ok(Checker *c, uint32_t file, Expr *id);
void check_func_decl_errs(Checker *c, SynFile *f, Decl *d);
void check_report_nobody(Checker *c);
bool check_method_unique(Checker *c, Type *base, Object *m);
void check_field_method_clash(Checker *c, Type *named);
void check_field_unique(Checker *c, Object **fields, uint32_t n);
void check_iface_method_unique(Checker *c, Object **ms, uint32_t n);
void check_short_var_new(Checker *c, uint32_t file, Stmt *s);
void check_recv_type(Checker *c, uint32_t file, Expr *rtype, Object *base_obj);
int64_t check_array_len(Checker *c, uint32_t file, Expr *e);
void check_pkg_file_conflicts(Checker *c);
Type *check_vartype(Checker *c, uint32_t file, Expr *e);

/* check_instantiate.c: errors of generic code */
void check_queue_verify(Checker *c, uint32_t file, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx, uint32_t pos);
void check_run_verifies(Checker *c);
void check_queue_verify_call(Checker *c, uint32_t file, Expr *call, TypeList tparams, Type **targs, Expr **xlist, uint32_t nx);
bool check_targ_count(Checker *c, uint32_t file, Expr *e, Type *gen, uint32_t got, uint32_t want);
bool check_tparams_known(Type *gen);
void check_generic_type_use(Checker *c, uint32_t file, Expr *e, Type *t);
void check_cannot_infer(Checker *c, uint32_t file, Expr *call, Type *sig, uint32_t nexplicit);
void check_generic_func_value(Checker *c, uint32_t file, Expr *e, Operand *x);

/* check_stmt_errs.c: errors of statement structure */
const char *check_opstr(Checker *c, uint32_t file, Expr *e, Operand *x);
void check_switch_dups(Checker *c, uint32_t file, Stmt *s, Operand *tag);
bool check_type_switch_x(Checker *c, uint32_t file, Expr *x, Operand *op);
void check_type_case(Checker *c, uint32_t file, Expr *te, Type *t, Expr *x, Operand *xop);
void check_type_case_dup(Checker *c, uint32_t file, Expr *te, Type *t, bool is_nil, Expr **prev_e, Type **prev_t, uint32_t nprev);
void check_type_assert(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t);
void check_multiple_defaults(Checker *c, uint32_t file, Stmt *body);
void check_init_arity(Checker *c, uint32_t file, Spec *s, bool is_const, ExprList inits, bool inherited);
void check_range_errs(Checker *c, uint32_t file, Stmt *s, Operand *x);

/* check_cycles.c: invalid recursive types, initialization cycles */
void check_add_dep(Checker *c, Object *to);
void check_init_order(Checker *c);
void check_valid_types(Checker *c);
void check_decl_cycle(Checker *c, Object *obj);

/* check_record.c: per-expression types and values (go/types recordTypeAndValue,
 * rememberUntyped, updateExprType, convertUntyped) */
void check_record_tv(Checker *c, uint32_t file, Expr *e, const Operand *x);
void check_record_type(Checker *c, uint32_t file, Expr *e, Type *t);
void check_record_obj(Checker *c, uint32_t file, Expr *id, Object *obj);
void check_record_fun(Checker *c, uint32_t file, Expr *fun, Type *sig);
void check_record_commaok(Checker *c, Expr *e);
/* x++ and x--: go/types records the 1 it adds as a literal at x's position. */
void check_record_incdec(Checker *c, uint32_t file, Stmt *s, const Operand *x);
/* x (the operand of e) assigned to a variable of type target (NULL: no type, as in x := e). */
void check_assign_untyped(Checker *c, Expr *e, Operand *x, Type *target);
/* go/types convertUntyped: x to target, which may itself be untyped. */
void check_record_convert(Checker *c, Expr *e, Operand *x, Type *target);
/* go/types updateExprType. */
void check_update_type(Checker *c, Expr *e, Type *t, bool final);
/* Binary operands: matchTypes, and the final types of a comparison's operands. */
void check_match_types(Checker *c, Expr *ex, Operand *x, Expr *ey, Operand *y);
void check_finish_comparison(Checker *c, Expr *ex, Operand *x, Expr *ey, Operand *y);
void check_record_finish(Checker *c);

/* info_dump.c: `gomem types -types` and `-facts` (docs/types.md) */
void types_dump_tvs(TypesBuf *out, const TypesInfo *info);
void types_dump_facts(TypesBuf *out, const TypesInfo *info);

/* facts.c: address taken, reassigned, closures and their captured variables */
void check_facts(Checker *c);

/* check_infer.c */
Type *check_infer(Checker *c, Type *sig, Type **targs, Operand *args, uint32_t nargs, bool ddd);

/* check_cgo.c: cgo's pseudo-package "C" */
Type *check_cgo_result(Checker *c, Expr *fun);  /* C.GoString(...) and the like: the result type */
bool check_cgo_errno_call(Checker *c, Expr *e); /* C.f(...) whose second value is errno's error */
bool check_mentions_invalid(Type *t);  /* prints "invalid type" somewhere: left out of the dumps */
bool check_size_unknown(Type *t);      /* holds the invalid type in place: no size */

/* check_body.c */
void check_expr(Checker *c, uint32_t file, Expr *e, Operand *x, Type *hint);
void check_func_body(Checker *c, uint32_t file, Type *sig, Scope *fscope, Stmt *body);
void check_local_decl(Checker *c, uint32_t file, Decl *d);
void check_const_spec(Checker *c, uint32_t file, Expr *typ, Expr *init, Object *obj, int64_t iota);

/* check_assign.c: values meeting types (assignability, untyped conversion, arity), as types2
 * reports them. A context is types2's: "assignment", "variable declaration", "argument to f"... */
bool check_single_value(Checker *c, uint32_t file, Expr *e, Operand *x);
bool check_assignment(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t, const char *context);
void check_assign_mismatch(Checker *c, uint32_t file, ExprList rhs, uint32_t l, uint32_t r);
bool check_call_args(Checker *c, uint32_t file, Expr *call, Type *sig, Operand *args, Expr **exprs, uint32_t nargs);
void check_return(Checker *c, uint32_t file, Stmt *s, Type *sig, Operand *xs, uint32_t n);
bool check_assign_lhs(Checker *c, uint32_t file, Expr *l, Operand *x);
void check_const_overflow(Checker *c, uint32_t file, Expr *e, ConstVal *v, Type *t);
void check_var_arity(Checker *c, uint32_t file, ExprList names, ExprList values);
void check_untyped_overflow(Checker *c, uint32_t file, Expr *e, TokKind op, bool unary, ConstVal **v);
void check_op_assign(Checker *c, uint32_t file, Stmt *s, Operand *x, Operand *y);
void check_builtin_args(Checker *c, uint32_t file, Expr *call, BuiltinId id, Operand *ops);
void check_var_n1(Checker *c, uint32_t file, ExprList names, Expr *rhs, Operand *x, Type *t);

/* check_errfmt.c: pieces of types2's messages (strings in the checker's arena) */
const char *check_expr_str(Checker *c, Expr *e);
const char *check_type_str(Checker *c, Type *t);
const char *check_operand_str(Checker *c, Expr *e, const Operand *x);
const char *check_composite_kind(Type *t);

/* check_ops.c: operator errors; each returns false when it reported one */
bool check_known_value(const Operand *x);
bool check_type_unknown(Type *t, int depth);
bool check_value_ok(Checker *c, uint32_t file, Expr *e, Operand *x, bool no_types);
bool check_binary_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y);
bool check_unary_ok(Checker *c, uint32_t file, Expr *e, Operand *x);
bool check_convert_untyped(Checker *c, uint32_t file, Expr *e, Operand *x, Type *target);

/* check_errs_expr.c: selector, call, index and slice errors */
void check_selector_error(Checker *c, uint32_t file, Expr *e, Operand *x, LookupResult *r);
Object *check_pkg_selector_error(Checker *c, uint32_t file, Expr *e, Package *ip);
bool check_index_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y);
bool check_slice_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Operand *y);
bool check_callable_ok(Checker *c, uint32_t file, Expr *e, Operand *f);
void check_call_args_ok(Checker *c, uint32_t file, Expr *e, Operand *args, uint32_t n);
void check_not_a_type(Checker *c, uint32_t file, Expr *e, Object *o);
bool check_assert_ok(Checker *c, uint32_t file, Expr *e, Operand *x, Type *t, bool switch_guard);
bool check_conversion_ok(Checker *c, uint32_t file, Expr *e, Type *t, Operand *x);
bool check_index_value_ok(Checker *c, uint32_t file, Expr *ie, Operand *y, int64_t max, int64_t *val);

/* check_errs_builtin.c: argument errors of the builtins */
bool check_builtin_ok(Checker *c, uint32_t file, Expr *e, BuiltinId id, Operand *ops, uint32_t n);
bool check_simple_assign_ok(Checker *c, uint32_t file, Expr *ye, Operand *y, Type *t, const char *context);

/* check_errs_lit.c: composite literal errors */
void check_composite_errs(Checker *c, uint32_t file, Expr *e, Type *t, bool elided);

/* check_errs_stmt.c: expression errors of statements */
void check_expr_stmt_errs(Checker *c, uint32_t file, Stmt *s, Operand *x);
void check_cond_errs(Checker *c, uint32_t file, Expr *cond, Operand *x, const char *what);
void check_send_errs(Checker *c, uint32_t file, Stmt *s, Operand *ch, Operand *v);
void check_incdec_errs(Checker *c, uint32_t file, Stmt *s, Operand *x);
void check_go_defer_errs(Checker *c, uint32_t file, Stmt *s, Operand *x);

/* The entry point: checks one package's parsed files. */
typedef struct CheckConfig {
	Package *(*import)(void *arg, const char *path); /* NULL result: a fake package */
	void *import_arg;
	bool no_errors; /* check but report nothing (a package with syntax errors) */
	bool complete;  /* no non-Go files (gc's -complete): a function without body is an error */
} CheckConfig;

Package *types_check(Arena *a, const char *path, SynFile **files, uint32_t n, const CheckConfig *cfg, Diags *diags, CheckRec **recs, size_t *nrecs);

#endif
