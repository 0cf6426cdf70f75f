/*
 * types: the representation of Go types, objects, scopes and packages, modelled on go/types.
 *
 * A Type is a tagged union (TypeKind, listed once in TYPES_KINDS) with precomputed property
 * bits (TF_*: for basic types the BasicInfo bits of go/types, so predicates such as
 * "is integer" are mask tests). Objects (var, const, type name, func, package name, label,
 * builtin, nil) carry their package, interned name, position and kind-specific data.
 * Scopes map interned names to objects; local scopes carry a source extent so that lookups
 * can respect declaration order as go/types' LookupParent does.
 *
 * Memory: everything is allocated in an Arena given by the caller (one per package); the
 * universe lives in its own arena for the whole run. Names are interned Name pointers from
 * the run's Interner (the one the scanner uses), so the universe must be initialised with it
 * (types_universe_init) before anything else. Nothing is freed node by node.
 *
 * Laziness, as in go/types: the underlying type of a Named type is resolved on demand through
 * chains of named types (types_under), the underlying type and methods of an instantiated
 * Named are substituted on first use, an Alias' actual type is computed on demand
 * (types_unalias), and an interface's type set is computed on first use (typeset.c).
 *
 * Threads (share.c): packages are checked in parallel, each after its imports. A package's
 * types are written by its own thread only until types_package_freeze publishes it; from then
 * on several importers read them at once. What is still computed lazily on shared types
 * (instance expansion, alias instances, interface type sets, sizes) happens under one
 * recursive lock and is published with release stores; fast paths read with acquire loads.
 *
 * Modules: types.c (construction, scopes, objects), universe.c, typestring.c, sizes.c,
 * predicates.c (identity, comparable, assignability, convertibility), lookup.c (field and
 * method lookup, method sets), typeset.c (interface type sets), subst.c (instantiation),
 * const.c/const.h (untyped constants with GMP).
 */
#ifndef GOMEM_TYPES_H
#define GOMEM_TYPES_H

#include "base/base.h"

typedef struct Type Type;
typedef struct Object Object;
typedef struct Scope Scope;
typedef struct Package Package;
typedef struct TypeSet TypeSet;
typedef struct ConstVal ConstVal; /* const.h */

/* ---- kinds ---- */

/* X(NAME, go/types type name) */
#define TYPES_KINDS(X)                                                                             \
	X(BASIC, "Basic")                                                                              \
	X(POINTER, "Pointer")                                                                          \
	X(SLICE, "Slice")                                                                              \
	X(ARRAY, "Array")                                                                              \
	X(MAP, "Map")                                                                                  \
	X(CHAN, "Chan")                                                                                \
	X(STRUCT, "Struct")                                                                            \
	X(SIGNATURE, "Signature")                                                                      \
	X(INTERFACE, "Interface")                                                                      \
	X(UNION, "Union")                                                                              \
	X(TUPLE, "Tuple")                                                                              \
	X(NAMED, "Named")                                                                              \
	X(TYPEPARAM, "TypeParam")                                                                      \
	X(ALIAS, "Alias")

typedef enum {
#define X(n, s) TY_##n,
	TYPES_KINDS(X)
#undef X
	TY_COUNT
} TypeKind;

extern const char *const types_kind_names[TY_COUNT];

/* Basic property bits (go/types BasicInfo), stored in Type.flags of basic types. */
enum {
	TF_BOOLEAN = 1 << 0,
	TF_INTEGER = 1 << 1,
	TF_UNSIGNED = 1 << 2,
	TF_FLOAT = 1 << 3,
	TF_COMPLEX = 1 << 4,
	TF_STRING = 1 << 5,
	TF_UNTYPED = 1 << 6,
	TF_ORDERED = TF_INTEGER | TF_FLOAT | TF_STRING,
	TF_NUMERIC = TF_INTEGER | TF_FLOAT | TF_COMPLEX,
	TF_CONST_TYPE = TF_BOOLEAN | TF_NUMERIC | TF_STRING,
};

/* X(NAME, go name, info bits, gc amd64 size (0: not sized by the table)) */
#define TYPES_BASIC_KINDS(X)                                                                       \
	X(INVALID, "invalid type", 0, 0)                                                               \
	X(BOOL, "bool", TF_BOOLEAN, 1)                                                                 \
	X(INT, "int", TF_INTEGER, 8)                                                                   \
	X(INT8, "int8", TF_INTEGER, 1)                                                                 \
	X(INT16, "int16", TF_INTEGER, 2)                                                               \
	X(INT32, "int32", TF_INTEGER, 4)                                                               \
	X(INT64, "int64", TF_INTEGER, 8)                                                               \
	X(UINT, "uint", TF_INTEGER | TF_UNSIGNED, 8)                                                   \
	X(UINT8, "uint8", TF_INTEGER | TF_UNSIGNED, 1)                                                 \
	X(UINT16, "uint16", TF_INTEGER | TF_UNSIGNED, 2)                                               \
	X(UINT32, "uint32", TF_INTEGER | TF_UNSIGNED, 4)                                               \
	X(UINT64, "uint64", TF_INTEGER | TF_UNSIGNED, 8)                                               \
	X(UINTPTR, "uintptr", TF_INTEGER | TF_UNSIGNED, 8)                                             \
	X(FLOAT32, "float32", TF_FLOAT, 4)                                                             \
	X(FLOAT64, "float64", TF_FLOAT, 8)                                                             \
	X(COMPLEX64, "complex64", TF_COMPLEX, 8)                                                       \
	X(COMPLEX128, "complex128", TF_COMPLEX, 16)                                                    \
	X(STRING, "string", TF_STRING, 16)                                                             \
	X(UNSAFE_POINTER, "Pointer", 0, 8)                                                             \
	X(UNTYPED_BOOL, "untyped bool", TF_BOOLEAN | TF_UNTYPED, 0)                                    \
	X(UNTYPED_INT, "untyped int", TF_INTEGER | TF_UNTYPED, 0)                                      \
	X(UNTYPED_RUNE, "untyped rune", TF_INTEGER | TF_UNTYPED, 0)                                    \
	X(UNTYPED_FLOAT, "untyped float", TF_FLOAT | TF_UNTYPED, 0)                                    \
	X(UNTYPED_COMPLEX, "untyped complex", TF_COMPLEX | TF_UNTYPED, 0)                              \
	X(UNTYPED_STRING, "untyped string", TF_STRING | TF_UNTYPED, 0)                                 \
	X(UNTYPED_NIL, "untyped nil", TF_UNTYPED, 0)

typedef enum {
#define X(n, s, f, sz) BK_##n,
	TYPES_BASIC_KINDS(X)
#undef X
	BK_COUNT,
	/* aliases: distinct Basic types with the same kind and the names "byte" and "rune" */
	BK_BYTE = BK_UINT8,
	BK_RUNE = BK_INT32,
} BasicKind;

typedef enum { CHAN_SEND_RECV, CHAN_SEND, CHAN_RECV } ChanDir;

typedef struct TypeList {
	Type **data;
	uint32_t len;
} TypeList;

typedef struct ObjList {
	Object **data;
	uint32_t len;
} ObjList;

typedef struct Term {
	bool tilde;
	Type *type;
} Term;

struct Type {
	TypeKind kind;
	uint32_t flags;  /* TF_* for basic types */
	/* sizes.c memo: gc amd64 size and alignment, valid when sized (computed on first
	 * request; ask only about complete types) */
	int64_t size;
	uint32_t align;
	bool sized, sizing;
	union {
		struct {
			BasicKind kind;
			const char *name;
		} basic;
		struct {
			Type *elem;
		} pointer, slice;
		struct {
			Type *elem;
			int64_t len; /* -1: unknown (invalid length) */
		} array;
		struct {
			Type *key, *elem;
		} map;
		struct {
			ChanDir dir;
			Type *elem;
		} chan;
		struct {
			ObjList fields;    /* vars with OBJ_VAR/VK_FIELD; embedded ones have VF_EMBEDDED */
			const char **tags; /* NULL when no field has a tag; else one per field, NULL = none */
		} strct;
		struct {
			Object *recv;      /* method receiver var, or NULL */
			TypeList tparams;  /* type parameters of a generic function */
			TypeList rparams;  /* receiver type parameters of a method */
			Type *params;      /* TY_TUPLE, never NULL */
			Type *results;     /* TY_TUPLE, never NULL */
			bool variadic;     /* last param is ...T, with type []T (or string for append) */
		} sig;
		struct {
			ObjList methods;   /* explicitly declared methods (funcs), in source order */
			TypeList embeddeds;/* embedded types (interfaces, unions, other terms) */
			bool implicit;     /* constraint literal like ~int in [T ~int] */
			TypeSet *tset;     /* computed on demand (typeset.c) */
		} iface;
		struct {
			Term *terms;
			uint32_t len;
			TypeSet *tset;     /* computed on demand (typeset.c) */
		} uni;
		struct {
			ObjList vars;
		} tuple;
		struct {
			Object *obj;         /* its type name */
			Type *orig;          /* the generic type for an instance; itself otherwise */
			TypeList targs;      /* type arguments of an instance */
			TypeList tparams;    /* type parameters of a generic type (of orig) */
			Type *fromrhs;       /* the type on the right of the declaration (may be Named) */
			Type *under;         /* resolved underlying type (never Named/Alias), lazy */
			ObjList methods;     /* declared methods; substituted lazily for instances */
			Arena *arena;        /* where an instance expands its underlying and methods */
			bool expanding;      /* cycle guard */
			Type *insts;         /* origin: its instances (deduplicated), chained by next_inst */
			Type *next_inst;
			uint32_t inst_depth; /* instances created while expanding instances: nesting */
		} named;
		struct {
			Object *obj;
			uint32_t index;      /* position in its type parameter list */
			uint32_t id;         /* unique id */
			Type *bound;         /* constraint (an interface, possibly implicit) */
		} tparam;
		struct {
			Object *obj;
			Type *fromrhs;       /* declared right-hand side (may itself be an alias) */
			Type *actual;        /* Unalias result, lazy */
			TypeList tparams;    /* generic alias */
			TypeList targs;      /* instance of a generic alias */
			Type *orig;          /* the generic alias for an instance; itself otherwise */
			Arena *arena;        /* where an instance expands */
		} alias;
	};
};

/* ---- objects ---- */

#define TYPES_OBJ_KINDS(X)                                                                         \
	X(BAD, "bad")                                                                                  \
	X(VAR, "var")                                                                                  \
	X(CONST, "const")                                                                              \
	X(TYPENAME, "type")                                                                            \
	X(FUNC, "func")                                                                                \
	X(PKGNAME, "package")                                                                          \
	X(LABEL, "label")                                                                              \
	X(BUILTIN, "builtin")                                                                          \
	X(NIL, "nil")

typedef enum {
#define X(n, s) OBJ_##n,
	TYPES_OBJ_KINDS(X)
#undef X
	OBJ_COUNT
} ObjKind;

extern const char *const types_obj_kind_names[OBJ_COUNT];

/* go/types VarKind */
typedef enum { VK_PACKAGE, VK_LOCAL, VK_RECV, VK_PARAM, VK_RESULT, VK_FIELD } VarKind;

/* Object flags */
enum {
	VF_EMBEDDED = 1 << 0,    /* field: embedded */
	VF_USED = 1 << 1,        /* var: used (for "declared and not used") */
	VF_ADDR_TAKEN = 1 << 2,  /* var: &v, or a method call with pointer receiver on v, ... */
	VF_REASSIGNED = 1 << 3,  /* var: assigned after its declaration */
	VF_CAPTURED = 1 << 4,    /* var: referenced by a closure */
	OF_EXPORTED = 1 << 8,    /* name starts with an upper-case letter */
	FF_PTR_RECV = 1 << 9,    /* func: method with a pointer receiver (known before its type) */
};

/* Builtins. X(NAME, go name, nargs, variadic, statement-ok). Order as go/types' builtinId. */
#define TYPES_BUILTINS(X)                                                                          \
	X(APPEND, "append", 1, true, false)                                                            \
	X(CAP, "cap", 1, false, false)                                                                 \
	X(CLEAR, "clear", 1, false, true)                                                              \
	X(CLOSE, "close", 1, false, true)                                                              \
	X(COMPLEX, "complex", 2, false, false)                                                         \
	X(COPY, "copy", 2, false, true)                                                                \
	X(DELETE, "delete", 2, false, true)                                                            \
	X(IMAG, "imag", 1, false, false)                                                               \
	X(LEN, "len", 1, false, false)                                                                 \
	X(MAKE, "make", 1, true, false)                                                                \
	X(MAX, "max", 1, true, false)                                                                  \
	X(MIN, "min", 1, true, false)                                                                  \
	X(NEW, "new", 1, false, false)                                                                 \
	X(PANIC, "panic", 1, false, true)                                                              \
	X(PRINT, "print", 0, true, true)                                                               \
	X(PRINTLN, "println", 0, true, true)                                                           \
	X(REAL, "real", 1, false, false)                                                               \
	X(RECOVER, "recover", 0, false, true)                                                          \
	X(ADD, "Add", 2, false, false)                                                                 \
	X(ALIGNOF, "Alignof", 1, false, false)                                                         \
	X(OFFSETOF, "Offsetof", 1, false, false)                                                       \
	X(SIZEOF, "Sizeof", 1, false, false)                                                           \
	X(SLICE, "Slice", 2, false, false)                                                             \
	X(SLICEDATA, "SliceData", 1, false, false)                                                     \
	X(STRING, "String", 2, false, false)                                                           \
	X(STRINGDATA, "StringData", 1, false, false)

typedef enum {
#define X(n, s, na, v, st) BI_##n,
	TYPES_BUILTINS(X)
#undef X
	BI_COUNT,
	BI_FIRST_UNSAFE = BI_ADD,
} BuiltinId;

typedef struct BuiltinInfo {
	const char *name;
	int nargs;
	bool variadic;
	bool stmt_ok; /* may be used as an expression statement */
} BuiltinInfo;

extern const BuiltinInfo types_builtins[BI_COUNT];

struct Object {
	ObjKind kind;
	uint32_t flags;     /* VF_*, OF_*, FF_* */
	Name *name;         /* NULL for unnamed params/results */
	Type *type;         /* NULL until the checker has computed it */
	Package *pkg;       /* NULL for universe objects (and fields/methods of universe types) */
	Pos pos;
	Pos scope_pos;      /* start of the object's scope (for LookupParent), local objects */
	Scope *parent;      /* scope the object is declared in, NULL for fields and methods */
	uint32_t order;     /* package-level declaration order (1-based), 0 if not package level */
	union {
		struct {
			VarKind kind;
			Object *origin; /* the generic field/param this one was substituted from */
		} var;
		struct {
			ConstVal *val;
		} cnst;
		struct {
			BuiltinId id;
		} builtin;
		struct {
			Package *imported;
			bool used;
		} pkgname;
		struct {
			Object *origin;   /* the generic method this one was substituted from */
			void *decl;       /* the declaration's AST node (set by the checker) */
			void *closures;   /* closures in its body (set by the escape analysis' front) */
		} func;
	};
};

/* ---- packages and scopes ---- */

struct Package {
	const char *path;   /* import path, e.g. "net/http" */
	Name *name;         /* package name, e.g. "http" */
	Scope *scope;       /* package scope; its parent is the universe */
	Package **imports;
	uint32_t nimports;
	bool complete;      /* fully checked */
	bool fake;          /* created for a missing import */
	const char *goversion; /* from go.mod's go line, "" when unknown */
	struct TypesInfo *info; /* what the checker recorded (types/info.h), NULL until checked */
};

struct Scope {
	Scope *parent;
	Scope **children;
	uint32_t nchildren, capchildren;
	Object **elems;     /* insertion order */
	uint32_t len, cap;
	Object **table;     /* open-addressing index by name hash, when len > 8 */
	uint32_t tcap;
	Pos pos, end;       /* source extent of local scopes; zero for package/universe */
	bool is_func;       /* a function scope (for label and closure purposes) */
	const char *comment;/* "universe", "package P", "function", "block", ... */
	Arena *arena;
};

/* ---- construction (types.c) ---- */

Type *types_new_pointer(Arena *a, Type *elem);
Type *types_new_slice(Arena *a, Type *elem);
Type *types_new_array(Arena *a, Type *elem, int64_t len);
Type *types_new_map(Arena *a, Type *key, Type *elem);
Type *types_new_chan(Arena *a, ChanDir dir, Type *elem);
/* fields: var objects (types_new_field); tags may be NULL or have one entry per field. */
Type *types_new_struct(Arena *a, Object **fields, const char **tags, uint32_t n);
Type *types_new_tuple(Arena *a, Object **vars, uint32_t n);
/* params and results are tuples or NULL (= empty). */
Type *types_new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic);
void types_sig_set_tparams(Arena *a, Type *sig, Type **tparams, uint32_t n);
/* methods are sorted as go/types sorts them (types_obj_cmp) */
Type *types_new_interface(Arena *a, Object **methods, uint32_t nm, Type **embeddeds, uint32_t ne);
Type *types_new_union(Arena *a, const Term *terms, uint32_t n);
/* A defined type; set its underlying with types_named_set_underlying (may be another Named). */
Type *types_new_named(Arena *a, Object *typename_obj, Type *underlying);
void types_named_set_underlying(Type *named, Type *underlying);
void types_named_add_method(Arena *a, Type *named, Object *fn);
void types_named_set_tparams(Arena *a, Type *named, Type **tparams, uint32_t n);
Type *types_new_typeparam(Arena *a, Object *typename_obj, Type *bound);
Type *types_new_alias(Arena *a, Object *typename_obj, Type *rhs);
void types_alias_set_tparams(Arena *a, Type *alias, Type **tparams, uint32_t n);

/* ---- objects (types.c) ---- */

Object *types_new_object(Arena *a, ObjKind k, Package *pkg, Pos pos, Name *name, Type *type);
Object *types_new_var(Arena *a, VarKind vk, Package *pkg, Pos pos, Name *name, Type *type);
Object *types_new_field(Arena *a, Package *pkg, Pos pos, Name *name, Type *type, bool embedded);
Object *types_new_param(Arena *a, Package *pkg, Pos pos, Name *name, Type *type);
Object *types_new_func(Arena *a, Package *pkg, Pos pos, Name *name, Type *sig);
Object *types_new_typename(Arena *a, Package *pkg, Pos pos, Name *name, Type *type);
Object *types_new_const(Arena *a, Package *pkg, Pos pos, Name *name, Type *type, ConstVal *v);
Package *types_new_package(Arena *a, const char *path, Name *name);
/* go/token.IsExported on a name: starts with an upper-case letter (Unicode Lu/Lt for the
 * common scripts; see types.c). */
bool types_is_exported(const Name *n);
static inline bool types_name_empty(const Name *n) { return n == NULL || n->len == 0; }
/* The object's id for lookups: exported names are package independent. */
bool types_same_id(const Object *o, const Package *pkg, const Name *name);
/* go/types object order: exported before unexported, then by name, then package path. */
int types_obj_cmp(const Object *a, const Object *b);
void types_sort_objects(Object **objs, uint32_t n);
/* A type name object is an alias when its type is an Alias (or a Basic with another name). */
bool types_obj_is_alias(const Object *tn);

/* ---- scopes (types.c) ---- */

Scope *types_new_scope(Arena *a, Scope *parent, Pos pos, Pos end, const char *comment);
/* Inserts obj unless its name is present; returns the object already there, or NULL.
 * Sets obj->parent. Blank names ("_") are never inserted (returns NULL). */
Object *types_scope_insert(Scope *s, Object *obj);
Object *types_scope_lookup(const Scope *s, const Name *name);
/* go/types LookupParent: innermost scope holding name whose object is declared at or before
 * pos (pos.file == 0: ignore positions). *found_in gets the scope (may be NULL). */
Object *types_scope_lookup_parent(const Scope *s, const Name *name, Pos pos, const Scope **found_in);
/* Innermost scope containing pos (s itself when no child does, NULL when s does not). */
const Scope *types_scope_innermost(const Scope *s, Pos pos);
bool types_scope_contains(const Scope *s, Pos pos);

/* ---- a set of pointers or pointer pairs, for graph walks (types.c) ---- */

typedef struct TypesSeen {
	uintptr_t *keys; /* pairs: keys[2i], keys[2i+1] */
	size_t len, cap;
} TypesSeen;

/* Adds (a, b) (b may be NULL); returns true if it was not there yet. */
bool types_seen_add(TypesSeen *s, const void *a, const void *b);
bool types_seen_has(const TypesSeen *s, const void *a, const void *b);
void types_seen_free(TypesSeen *s);

/* ---- the universe (universe.c) ---- */

/* Call once before anything else, with the interner used for identifiers. */
void types_universe_init(Interner *in);
extern Scope *types_universe;
extern Package *types_unsafe;
extern Type *types_typ[BK_COUNT]; /* types_typ[BK_INT] etc. */
extern Type *types_byte, *types_rune; /* the Basic types named byte and rune */
extern Type *types_error;             /* Named "error" */
extern Type *types_any;               /* Alias "any" for interface{} */
extern Type *types_empty_iface;       /* the interface{} that any denotes */
extern Type *types_comparable;        /* Named "comparable" */
extern Object *types_universe_iota;
extern Interner *types_names;         /* the interner given to types_universe_init */
extern Name *types_name_blank;        /* "_" */

/* ---- underlying, unalias (types.c) ---- */

/* Unalias: follows alias chains to the actual type (an Alias instance is substituted). */
Type *types_unalias(Type *t);
/* go/types Underlying: never Named or Alias (a type parameter's is its constraint's
 * underlying interface). Invalid for cycles. */
Type *types_under(Type *t);
/* Named type's (or generic instance's) declared methods. */
ObjList types_named_methods(Type *named);
/* The type name object of a Named, Alias or TypeParam; NULL for other types. */
Object *types_type_obj(const Type *t);

static inline bool types_is_basic(Type *t, uint32_t info) { return t->kind == TY_BASIC && (t->flags & info); }
/* Predicates on the underlying type (go/types isBoolean etc.; for a type parameter the
 * underlying type is its constraint interface, so they are false: use the type set). */
bool types_is_untyped(Type *t);
bool types_is_typed(Type *t);
bool types_is_boolean(Type *t);
bool types_is_integer(Type *t);
bool types_is_unsigned(Type *t);
bool types_is_float(Type *t);
bool types_is_complex(Type *t);
bool types_is_numeric(Type *t);
bool types_is_string(Type *t);
bool types_is_const_type(Type *t);
bool types_is_interface(Type *t);   /* underlying is an interface (not a type parameter) */
bool types_is_typeparam(Type *t);
bool types_has_name(Type *t);       /* Basic, Named or TypeParam (after unalias) */
bool types_is_generic(Type *t);     /* uninstantiated generic Named or Alias */

/* ---- sharing between threads (share.c) ---- */

/* Forces what importers would otherwise compute lazily on the package's own types (the
 * underlying and actual types of its package-level type names). Call once the package is
 * checked and before another thread may use its types. */
void types_package_freeze(Package *pkg);
/* The lock (recursive) under which lazy data of shared types is computed: instance
 * expansion, alias instances, type sets, sizes. For src/types only. */
void types_lock(void);
void types_unlock(void);

/* ---- type sets (typeset.c) ---- */

struct TypeSet {
	ObjList methods;   /* all methods, explicit and embedded, in types_obj_cmp order */
	Term *terms;       /* normalized union terms when !all */
	uint32_t nterms;
	bool all;          /* no type restriction (the set of all types) */
	bool comparable;   /* restricted to comparable types */
};

/* The type set of an interface type (underlying). Never NULL. */
TypeSet *types_typeset(Type *iface);
/* The type set of a union (its terms normalized; nested unions flattened). Never NULL. */
TypeSet *types_union_typeset(Type *u);
/* An interface with no methods and all types (interface{}, any). */
bool types_is_empty_iface(Type *t);
/* Interface with a type restriction (terms or comparable): usable only as a constraint. */
bool types_iface_is_constraint(Type *t);

/* ---- instantiation and substitution (subst.c) ---- */

/* Substitutes targs for tparams (same length) in t, allocating in a. Returns t unchanged when
 * nothing changed. */
Type *types_subst(Arena *a, Type *t, TypeList tparams, TypeList targs);
/* Instance of a generic Named, Alias or Signature with the given type arguments (no
 * constraint checks; see types_satisfies). Named instances are deduplicated per origin. */
Type *types_instantiate(Arena *a, Type *generic, Type **targs, uint32_t n);

/* ---- lookup.c ---- */

typedef struct LookupResult {
	Object *obj;        /* field or method, NULL if not found */
	uint32_t *index;    /* embedding path: field indices, then the method index (arena) */
	uint32_t nindex;
	bool indirect;      /* a pointer indirection was on the path */
	bool ambiguous;     /* several at the shallowest depth (obj is NULL) */
	bool needs_addr;    /* method with pointer receiver found on an addressable-only path */
} LookupResult;

/* go/types LookupFieldOrMethod(T, addressable, pkg, name). */
LookupResult types_lookup_field_or_method(Arena *a, Type *t, bool addressable, Package *pkg, Name *name);
/* The method set of t (spec "Method sets"): methods callable on a value of type t
 * (including promoted ones), in go/types MethodSet order (by Id). Each entry is the method's
 * func object (substituted for instances). */
ObjList types_method_set(Arena *a, Type *t);
/* An interface method of iface (type set) not implemented by t, NULL when all are;
 * *wrong_type is set when a method of that name exists with a different signature, and
 * *ptr_recv when it exists only with a pointer receiver. */
Object *types_missing_method(Arena *a, Type *t, Type *iface, bool *wrong_type, bool *ptr_recv);

/* ---- typestring.c ---- */

/* types.TypeString(t, nil) into a heap string. */
char *types_string(Type *t);
/* Appends to a growable buffer (for callers composing messages). */
typedef Vec(char) TypesBuf;
void types_write(TypesBuf *b, Type *t);
/* The same with types2's error qualifier: rel's own names bare, others' by package name. */
void types_write_rel(TypesBuf *b, Type *t, const Package *rel);
/* types.WriteSignature: a signature without the "func" keyword. */
void types_write_signature(TypesBuf *b, Type *sig);

/* types.ObjectString(obj, nil): "type example.com/p.T struct{...}", "func (*T).M()", ... */
void types_write_object(TypesBuf *b, Object *obj);
char *types_object_string(Object *obj);

/* ---- sizes.c (gc, amd64: types.SizesFor("gc", "amd64")) ---- */

int64_t types_sizeof(Type *t);
int64_t types_alignof(Type *t);
/* Offsets of the fields of a struct type (underlying); out has one entry per field. */
void types_offsetsof(Type *strct, int64_t *out);
int64_t types_offsetof_field(Type *strct, uint32_t i);
/* gc's PtrDataSize: bytes of the prefix that can hold pointers (0: no pointers), and
 * HasPointers, as the garbage collector and escape analysis see a type. */
int64_t types_ptrdata(Type *t);
bool types_has_pointers(Type *t);

/* ---- predicates.c ---- */

bool types_identical(Type *x, Type *y);
bool types_identical_ignore_tags(Type *x, Type *y);
/* Spec "Comparison operators": comparable (== defined); strictly: no interface types. */
bool types_comparable_type(Type *t);
bool types_strictly_comparable(Type *t);
bool types_is_ordered(Type *t);
/* Core type (spec "Core types", go/types coreType); NULL when there is none. */
Type *types_core_type(Type *t);
/* Spec "Assignability" of a value of type v to type t (go/types assignableTo). For untyped
 * v only the kinds are checked (untyped numeric to any numeric type, untyped bool/string to
 * boolean/string types, nil to types with nil, defaults to interfaces); whether a constant's
 * value is representable is the caller's check (const_representable). */
bool types_assignable(Type *v, Type *t);
/* Spec "Conversions" for non-constant values of type x to type t. */
bool types_convertible(Type *x, Type *t);
/* Default type of an untyped type (go/types Default). */
Type *types_default(Type *t);
/* x implements interface t (methods and type set); x may be an interface. */
bool types_implements(Type *x, Type *t);
/* x satisfies the constraint t (comparable satisfied by non-strictly comparable types). */
bool types_satisfies(Type *x, Type *t);

#endif
