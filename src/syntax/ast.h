/*
 * The Go syntax tree (spec: "Declarations and scope", "Expressions", "Statements").
 *
 * The tree has the shape of go/ast: the same node kinds, the same children in the same order,
 * and enough positions to compute go/ast's Pos() and End() exactly (syn_*_pos / syn_*_end).
 * That is what the AST dump (docs/ast-dump.md) is compared on against go/parser.
 *
 * Every node also carries `pos`, the position cmd/compile/internal/syntax gives the same
 * construct; later stages (escape analysis) print gc's positions, which are often NOT go/ast's
 * Pos(). gc's position of each kind is noted in the tables below; in short:
 *   binary expr: its operator        unary expr / *x: the operator
 *   call f(x): the "("                index / slice / instance x[i]: the "["
 *   selector x.f and x.(T): the "."   composite literal T{}: the "{"
 *   func literal: the "func" keyword  key: value: the ":"
 *   x = y, x += y, x++ : the operator send c <- v: the "<-"
 *   labeled stmt L: s: the ":"        expression stmt: gc's pos of the expression
 *   func type: its "(" (or "[" of the type parameters), other types: their first token
 *   range clause: the "range" keyword (RangeStmt.range_pos); for/if/switch/...: the keyword.
 *   specs: the first token of the spec; FuncDecl: the "func" keyword.
 *
 * Positions are byte offsets in the file (SynFile.src); SYN_NOPOS is go/ast's token.NoPos.
 * Nodes live in the file's arena; identifiers are interned Names (compared by pointer).
 * Lists are (pointer array in the arena, count).
 */
#ifndef GOMEM_SYNTAX_AST_H
#define GOMEM_SYNTAX_AST_H

#include "syntax/scanner.h"

#define SYN_NOPOS UINT32_MAX

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Decl Decl;
typedef struct Spec Spec;
typedef struct Field Field;
typedef struct FieldList FieldList;
typedef struct CommentGroup CommentGroup;

typedef struct ExprList { Expr **v; uint32_t n; } ExprList;
typedef struct StmtList { Stmt **v; uint32_t n; } StmtList;

/* ---- expressions and types: EXPR(enum, go/ast type name) ---- */
#define EXPR_KINDS(X)                                                                                    \
	X(EXPR_BAD, "BadExpr")                                                                               \
	X(EXPR_IDENT, "Ident")                                                                               \
	X(EXPR_ELLIPSIS, "Ellipsis")                                                                         \
	X(EXPR_BASIC_LIT, "BasicLit")                                                                        \
	X(EXPR_FUNC_LIT, "FuncLit")                                                                          \
	X(EXPR_COMPOSITE_LIT, "CompositeLit")                                                                \
	X(EXPR_PAREN, "ParenExpr")                                                                           \
	X(EXPR_SELECTOR, "SelectorExpr")                                                                     \
	X(EXPR_INDEX, "IndexExpr")                                                                           \
	X(EXPR_INDEX_LIST, "IndexListExpr")                                                                  \
	X(EXPR_SLICE, "SliceExpr")                                                                           \
	X(EXPR_TYPE_ASSERT, "TypeAssertExpr")                                                                \
	X(EXPR_CALL, "CallExpr")                                                                             \
	X(EXPR_STAR, "StarExpr")                                                                             \
	X(EXPR_UNARY, "UnaryExpr")                                                                           \
	X(EXPR_BINARY, "BinaryExpr")                                                                         \
	X(EXPR_KEY_VALUE, "KeyValueExpr")                                                                    \
	X(EXPR_ARRAY_TYPE, "ArrayType")                                                                      \
	X(EXPR_STRUCT_TYPE, "StructType")                                                                    \
	X(EXPR_FUNC_TYPE, "FuncType")                                                                        \
	X(EXPR_INTERFACE_TYPE, "InterfaceType")                                                              \
	X(EXPR_MAP_TYPE, "MapType")                                                                          \
	X(EXPR_CHAN_TYPE, "ChanType")

typedef enum ExprKind {
#define X(e, s) e,
	EXPR_KINDS(X)
#undef X
	EXPR__COUNT
} ExprKind;

typedef enum ChanDir { CHAN_SEND = 1, CHAN_RECV = 2, CHAN_BOTH = 3 } ChanDir;

struct Expr {
	ExprKind kind;
	uint32_t pos; /* gc's position; for the go/ast position fields see each kind */
	uint32_t tv;  /* set by the type checker: index + 1 in its package's TypesInfo.tvs (types/info.h), 0 none */
	union {
		struct { uint32_t to; } bad;                  /* pos = From */
		struct { Name *name; } ident;                 /* pos = NamePos */
		struct { Expr *elt; } ellipsis;               /* pos = Ellipsis; elt may be NULL */
		struct {
			TokKind kind;       /* TOK_INT, TOK_FLOAT, TOK_IMAG, TOK_CHAR, TOK_STRING */
			uint32_t len;       /* source bytes: ValueEnd = pos + len */
			const char *text;   /* the source spelling (raw strings still hold any \r) */
		} lit;                                        /* pos = ValuePos */
		struct { Expr *type; Stmt *body; } func_lit;  /* pos = "func"; type is EXPR_FUNC_TYPE */
		struct {
			Expr *type;         /* or NULL */
			ExprList elts;
			uint32_t rbrace;
			bool incomplete;
		} composite;                                  /* pos = Lbrace */
		struct { Expr *x; uint32_t rparen; } paren;   /* pos = Lparen */
		struct { Expr *x; Expr *sel; } selector;      /* pos = "." (gc); sel is an EXPR_IDENT */
		struct {
			Expr *x;
			ExprList indices;   /* EXPR_INDEX: exactly one; EXPR_INDEX_LIST: two or more */
			uint32_t rbrack;
		} index;                                      /* pos = Lbrack */
		struct {
			Expr *x, *low, *high, *max; /* low, high, max may be NULL */
			uint32_t rbrack;
			bool slice3;
		} slice;                                      /* pos = Lbrack */
		struct {
			Expr *x;
			Expr *type;         /* NULL for x.(type) */
			uint32_t lparen, rparen;
		} assert;                                     /* pos = "." (gc) */
		struct {
			Expr *fun;
			ExprList args;
			uint32_t ellipsis;  /* SYN_NOPOS without "..." */
			uint32_t rparen;
		} call;                                       /* pos = Lparen */
		struct { Expr *x; } star;                     /* pos = Star */
		struct { TokKind op; Expr *x; } unary;        /* pos = OpPos */
		struct { TokKind op; Expr *x, *y; } binary;   /* pos = OpPos */
		struct { Expr *key, *value; } kv;             /* pos = Colon */
		struct { Expr *len; Expr *elt; } array;       /* pos = Lbrack; len NULL: slice; EXPR_ELLIPSIS: [...]T */
		struct { FieldList *fields; bool incomplete; } struct_type; /* pos = Struct */
		struct {
			uint32_t func_pos;  /* go/ast Func: the "func" keyword, SYN_NOPOS in interface methods */
			FieldList *tparams; /* or NULL */
			FieldList *params;  /* never NULL */
			FieldList *results; /* or NULL */
		} func_type;                                  /* pos = "(" or "[" (gc) */
		struct { FieldList *methods; bool incomplete; } iface; /* pos = Interface */
		struct { Expr *key, *value; } map;            /* pos = Map */
		struct { ChanDir dir; uint32_t arrow; Expr *value; } chan; /* pos = Begin; arrow or SYN_NOPOS */
	};
};

/* ---- statements: STMT(enum, go/ast type name) ---- */
#define STMT_KINDS(X)                                                                                    \
	X(STMT_BAD, "BadStmt")                                                                               \
	X(STMT_DECL, "DeclStmt")                                                                             \
	X(STMT_EMPTY, "EmptyStmt")                                                                           \
	X(STMT_LABELED, "LabeledStmt")                                                                       \
	X(STMT_EXPR, "ExprStmt")                                                                             \
	X(STMT_SEND, "SendStmt")                                                                             \
	X(STMT_INC_DEC, "IncDecStmt")                                                                        \
	X(STMT_ASSIGN, "AssignStmt")                                                                         \
	X(STMT_GO, "GoStmt")                                                                                 \
	X(STMT_DEFER, "DeferStmt")                                                                           \
	X(STMT_RETURN, "ReturnStmt")                                                                         \
	X(STMT_BRANCH, "BranchStmt")                                                                         \
	X(STMT_BLOCK, "BlockStmt")                                                                           \
	X(STMT_IF, "IfStmt")                                                                                 \
	X(STMT_CASE_CLAUSE, "CaseClause")                                                                    \
	X(STMT_SWITCH, "SwitchStmt")                                                                         \
	X(STMT_TYPE_SWITCH, "TypeSwitchStmt")                                                                \
	X(STMT_COMM_CLAUSE, "CommClause")                                                                    \
	X(STMT_SELECT, "SelectStmt")                                                                         \
	X(STMT_FOR, "ForStmt")                                                                               \
	X(STMT_RANGE, "RangeStmt")

typedef enum StmtKind {
#define X(e, s) e,
	STMT_KINDS(X)
#undef X
	STMT__COUNT
} StmtKind;

struct Stmt {
	StmtKind kind;
	uint32_t pos; /* gc's position */
	union {
		struct { uint32_t from, to; } bad;
		struct { Decl *decl; } decl;                    /* pos = keyword */
		struct { uint32_t semi; bool implicit; } empty; /* pos = semi = Semicolon */
		struct { Expr *label; Stmt *stmt; } labeled;    /* pos = Colon */
		struct { Expr *x; } expr;                       /* pos = gc's pos of x */
		struct { Expr *chan, *value; } send;            /* pos = Arrow */
		struct { Expr *x; TokKind tok; Expr *one; } inc_dec; /* pos = TokPos; one: set by the type checker (the 1 added) */
		struct { ExprList lhs, rhs; TokKind tok; } assign; /* pos = TokPos */
		struct { Expr *call; } go_defer;                /* STMT_GO, STMT_DEFER: pos = keyword; call is EXPR_CALL */
		struct { ExprList results; } ret;               /* pos = Return */
		struct { TokKind tok; Expr *label; } branch;    /* pos = TokPos; label may be NULL */
		struct { StmtList list; uint32_t rbrace; } block; /* pos = Lbrace; rbrace may be SYN_NOPOS */
		struct { Stmt *init; Expr *cond; Stmt *body; Stmt *else_; } if_; /* pos = If */
		struct {
			ExprList list;      /* empty for default */
			uint32_t colon;
			StmtList body;
		} case_clause;                                  /* pos = Case (or default) */
		struct { Stmt *init; Expr *tag; Stmt *body; } switch_; /* pos = Switch; body holds CaseClauses */
		struct { Stmt *init; Stmt *assign; Stmt *body; } type_switch; /* pos = Switch */
		struct { Stmt *comm; uint32_t colon; StmtList body; } comm_clause; /* pos = Case; comm NULL: default */
		struct { Stmt *body; } select;                  /* pos = Select */
		struct { Stmt *init; Expr *cond; Stmt *post; Stmt *body; } for_; /* pos = For */
		struct {
			Expr *key, *value;  /* may be NULL */
			uint32_t tok_pos;   /* SYN_NOPOS without key */
			TokKind tok;        /* TOK_ILLEGAL without key, TOK_ASSIGN, TOK_DEFINE */
			uint32_t range_pos; /* the "range" keyword: gc's position of the range clause */
			Expr *x;
			Stmt *body;
		} range;                                        /* pos = For */
	};
};

/* ---- comments and directives ---- */
struct CommentGroup {
	Comment *list; /* consecutive entries of SynFile.comments */
	uint32_t n;
};

/* Directives gc acts on (//go:NAME), as flags on the declaration they precede. */
#define PRAGMAS(X)                                                                                       \
	X(PRAGMA_NOINLINE, "go:noinline")                                                                    \
	X(PRAGMA_NOESCAPE, "go:noescape")                                                                    \
	X(PRAGMA_NOSPLIT, "go:nosplit")                                                                      \
	X(PRAGMA_NORACE, "go:norace")                                                                        \
	X(PRAGMA_NOCHECKPTR, "go:nocheckptr")                                                                \
	X(PRAGMA_UINTPTRESCAPES, "go:uintptrescapes")                                                        \
	X(PRAGMA_UINTPTRKEEPALIVE, "go:uintptrkeepalive")                                                    \
	X(PRAGMA_SYSTEMSTACK, "go:systemstack")                                                              \
	X(PRAGMA_NOWRITEBARRIER, "go:nowritebarrier")                                                        \
	X(PRAGMA_NOWRITEBARRIERREC, "go:nowritebarrierrec")                                                  \
	X(PRAGMA_YESWRITEBARRIERREC, "go:yeswritebarrierrec")                                                \
	X(PRAGMA_CGO_UNSAFE_ARGS, "go:cgo_unsafe_args")                                                      \
	X(PRAGMA_REGISTERPARAMS, "go:registerparams")                                                        \
	X(PRAGMA_NOINTERFACE, "go:nointerface")                                                              \
	X(PRAGMA_LINKNAME, "go:linkname")                                                                    \
	X(PRAGMA_EMBED, "go:embed")                                                                          \
	X(PRAGMA_WASMIMPORT, "go:wasmimport")                                                                \
	X(PRAGMA_WASMEXPORT, "go:wasmexport")                                                                \
	X(PRAGMA_NOTINHEAP, "go:notinheap")

typedef enum PragmaBit {
#define X(e, s) e##_BIT,
	PRAGMAS(X)
#undef X
	PRAGMA__COUNT
} PragmaBit;
#define X(e, s) static const uint32_t e = 1u << e##_BIT;
PRAGMAS(X)
#undef X

/* The //go: directives written between the previous declaration (or spec) and this one. */
typedef struct Pragmas {
	uint32_t flags;    /* PRAGMA_* bits of the directives present */
	Comment *list;     /* the directive comments themselves, in order (copies) */
	uint32_t n;
} Pragmas;

/* ---- specs and declarations ---- */
typedef enum SpecKind { SPEC_IMPORT, SPEC_VALUE, SPEC_TYPE } SpecKind;

struct Spec {
	SpecKind kind;
	uint32_t pos;           /* gc: the first token of the spec */
	CommentGroup *doc, *comment;
	Pragmas pragmas;        /* e.g. //go:embed before a var spec */
	union {
		struct { Expr *name; Expr *path; } import;  /* name may be NULL (or Ident "."); path is a BasicLit */
		struct { ExprList names; Expr *type; ExprList values; } value; /* CONST or VAR */
		struct { Expr *name; FieldList *tparams; uint32_t assign; Expr *type; } type; /* assign: SYN_NOPOS unless alias */
	};
};

typedef enum DeclKind { DECL_BAD, DECL_GEN, DECL_FUNC } DeclKind;

struct Decl {
	DeclKind kind;
	uint32_t pos;           /* gc: the keyword (DECL_GEN: TokPos; DECL_FUNC: "func") */
	CommentGroup *doc;
	union {
		struct { uint32_t to; } bad; /* pos = From */
		struct {
			TokKind tok;        /* TOK_IMPORT, TOK_CONST, TOK_TYPE, TOK_VAR */
			uint32_t lparen, rparen; /* SYN_NOPOS when not grouped */
			Spec **specs;
			uint32_t nspecs;
		} gen;
		struct {
			FieldList *recv;    /* or NULL */
			Expr *name;
			Expr *type;         /* EXPR_FUNC_TYPE; type->func_type.func_pos is the "func" keyword */
			Stmt *body;         /* STMT_BLOCK or NULL */
			Pragmas pragmas;    /* //go:noinline, //go:noescape, //go:linkname, ... */
		} func;
	};
};

struct Field {
	uint32_t pos;           /* gc: first name, else the type's first token */
	CommentGroup *doc, *comment;
	ExprList names;         /* Idents; empty for embedded fields and unnamed parameters */
	Expr *type;             /* NULL only after some syntax errors */
	Expr *tag;              /* BasicLit or NULL */
};

struct FieldList {
	uint32_t opening, closing; /* SYN_NOPOS when absent (a single unparenthesized result) */
	Field **list;
	uint32_t n;
};

typedef struct SynFile {
	SrcFile *src;
	Arena *arena;           /* holds every node of this file */
	uint32_t package_pos;   /* "package" keyword, SYN_NOPOS when missing */
	Expr *name;             /* package name (Ident), NULL when missing */
	CommentGroup *doc;
	Decl **decls;
	uint32_t ndecls;
	Comment *comments;      /* every comment of the file, in order */
	uint32_t ncomments;
	CommentGroup *groups;   /* File.Comments: as go/parser groups them */
	uint32_t ngroups;
	Comment *build;         /* //go:build and // +build lines before the package clause */
	uint32_t nbuild;
	uint32_t nerrors;       /* syntax errors found in this file */
} SynFile;

/* Names of the kinds as go/ast spells them ("CallExpr"). */
const char *syn_expr_kind_name(ExprKind k);
const char *syn_stmt_kind_name(StmtKind k);

/* go/ast's Pos() and End() of each node (SYN_NOPOS when go/ast would give NoPos). */
uint32_t syn_expr_pos(const Expr *e);
uint32_t syn_expr_end(const Expr *e);
uint32_t syn_stmt_pos(const Stmt *s);
uint32_t syn_stmt_end(const Stmt *s);
uint32_t syn_decl_pos(const Decl *d);
uint32_t syn_decl_end(const Decl *d);
uint32_t syn_spec_pos(const Spec *s);
uint32_t syn_spec_end(const Spec *s);
uint32_t syn_field_pos(const Field *f);
uint32_t syn_field_end(const Field *f);
uint32_t syn_fieldlist_pos(const FieldList *l);
uint32_t syn_fieldlist_end(const FieldList *l);
uint32_t syn_file_end(const SynFile *f);

/* Strips enclosing parentheses (ast.Unparen). */
Expr *syn_unparen(Expr *e);

/* ---- the parser (parser.c) ---- */

/* Parses one file into a tree allocated in arena. Syntax errors go to diags as
 * "syntax error: ..." at gc's positions; the tree is still returned (with Bad nodes where
 * needed). names must have the keywords interned (syn_intern_keywords). */
SynFile *syn_parse_file(SrcFile *src, Arena *arena, Interner *names, Diags *diags);

/* gc's checks of labels and branches (branches.c): "label L defined and not used", "break is
 * not in a loop, switch, or select", "goto L jumps into block starting at ...", ... reported
 * by go build with the syntax errors (go/parser leaves them to go/types). Call it on a file
 * without syntax errors. */
void syn_check_branches(const SynFile *f, Diags *diags);

/* ---- the dump (dump.c): the format of docs/ast-dump.md ---- */
void syn_dump_file(FILE *out, const SynFile *f);

#endif
