/*
 * Go tokens (spec: "Lexical elements"). The table is an X-macro so names, spellings and
 * enum values cannot drift: TOK(enum, spelling) with the spelling as go/token prints it.
 * Keywords are interned at scanner start with Name.tok set, so recognising one is a single
 * pointer load after interning the identifier.
 */
#ifndef GOMEM_SYNTAX_TOKEN_H
#define GOMEM_SYNTAX_TOKEN_H

#include "base/base.h"

#define TOKENS(TOK)                                                                                      \
	TOK(TOK_EOF, "EOF")                                                                                  \
	TOK(TOK_ILLEGAL, "ILLEGAL")                                                                          \
	TOK(TOK_COMMENT, "COMMENT")                                                                          \
	/* literals */                                                                                       \
	TOK(TOK_IDENT, "IDENT")                                                                              \
	TOK(TOK_INT, "INT")                                                                                  \
	TOK(TOK_FLOAT, "FLOAT")                                                                              \
	TOK(TOK_IMAG, "IMAG")                                                                                \
	TOK(TOK_CHAR, "CHAR")                                                                                \
	TOK(TOK_STRING, "STRING")                                                                            \
	/* operators and punctuation */                                                                      \
	TOK(TOK_ADD, "+")                                                                                    \
	TOK(TOK_SUB, "-")                                                                                    \
	TOK(TOK_MUL, "*")                                                                                    \
	TOK(TOK_QUO, "/")                                                                                    \
	TOK(TOK_REM, "%")                                                                                    \
	TOK(TOK_AND, "&")                                                                                    \
	TOK(TOK_OR, "|")                                                                                     \
	TOK(TOK_XOR, "^")                                                                                    \
	TOK(TOK_SHL, "<<")                                                                                   \
	TOK(TOK_SHR, ">>")                                                                                   \
	TOK(TOK_AND_NOT, "&^")                                                                               \
	TOK(TOK_ADD_ASSIGN, "+=")                                                                            \
	TOK(TOK_SUB_ASSIGN, "-=")                                                                            \
	TOK(TOK_MUL_ASSIGN, "*=")                                                                            \
	TOK(TOK_QUO_ASSIGN, "/=")                                                                            \
	TOK(TOK_REM_ASSIGN, "%=")                                                                            \
	TOK(TOK_AND_ASSIGN, "&=")                                                                            \
	TOK(TOK_OR_ASSIGN, "|=")                                                                             \
	TOK(TOK_XOR_ASSIGN, "^=")                                                                            \
	TOK(TOK_SHL_ASSIGN, "<<=")                                                                           \
	TOK(TOK_SHR_ASSIGN, ">>=")                                                                           \
	TOK(TOK_AND_NOT_ASSIGN, "&^=")                                                                       \
	TOK(TOK_LAND, "&&")                                                                                  \
	TOK(TOK_LOR, "||")                                                                                   \
	TOK(TOK_ARROW, "<-")                                                                                 \
	TOK(TOK_INC, "++")                                                                                   \
	TOK(TOK_DEC, "--")                                                                                   \
	TOK(TOK_EQL, "==")                                                                                   \
	TOK(TOK_LSS, "<")                                                                                    \
	TOK(TOK_GTR, ">")                                                                                    \
	TOK(TOK_ASSIGN, "=")                                                                                 \
	TOK(TOK_NOT, "!")                                                                                    \
	TOK(TOK_NEQ, "!=")                                                                                   \
	TOK(TOK_LEQ, "<=")                                                                                   \
	TOK(TOK_GEQ, ">=")                                                                                   \
	TOK(TOK_DEFINE, ":=")                                                                                \
	TOK(TOK_ELLIPSIS, "...")                                                                             \
	TOK(TOK_LPAREN, "(")                                                                                 \
	TOK(TOK_LBRACK, "[")                                                                                 \
	TOK(TOK_LBRACE, "{")                                                                                 \
	TOK(TOK_COMMA, ",")                                                                                  \
	TOK(TOK_PERIOD, ".")                                                                                 \
	TOK(TOK_RPAREN, ")")                                                                                 \
	TOK(TOK_RBRACK, "]")                                                                                 \
	TOK(TOK_RBRACE, "}")                                                                                 \
	TOK(TOK_SEMICOLON, ";")                                                                              \
	TOK(TOK_COLON, ":")                                                                                  \
	TOK(TOK_TILDE, "~")                                                                                  \
	/* keywords: keep TOK_BREAK first and TOK_VAR last */                                                \
	TOK(TOK_BREAK, "break")                                                                              \
	TOK(TOK_CASE, "case")                                                                                \
	TOK(TOK_CHAN, "chan")                                                                                \
	TOK(TOK_CONST, "const")                                                                              \
	TOK(TOK_CONTINUE, "continue")                                                                        \
	TOK(TOK_DEFAULT, "default")                                                                          \
	TOK(TOK_DEFER, "defer")                                                                              \
	TOK(TOK_ELSE, "else")                                                                                \
	TOK(TOK_FALLTHROUGH, "fallthrough")                                                                  \
	TOK(TOK_FOR, "for")                                                                                  \
	TOK(TOK_FUNC, "func")                                                                                \
	TOK(TOK_GO, "go")                                                                                    \
	TOK(TOK_GOTO, "goto")                                                                                \
	TOK(TOK_IF, "if")                                                                                    \
	TOK(TOK_IMPORT, "import")                                                                            \
	TOK(TOK_INTERFACE, "interface")                                                                      \
	TOK(TOK_MAP, "map")                                                                                  \
	TOK(TOK_PACKAGE, "package")                                                                          \
	TOK(TOK_RANGE, "range")                                                                              \
	TOK(TOK_RETURN, "return")                                                                            \
	TOK(TOK_SELECT, "select")                                                                            \
	TOK(TOK_STRUCT, "struct")                                                                            \
	TOK(TOK_SWITCH, "switch")                                                                            \
	TOK(TOK_TYPE, "type")                                                                                \
	TOK(TOK_VAR, "var")

typedef enum TokKind {
#define TOK(e, s) e,
	TOKENS(TOK)
#undef TOK
	TOK__COUNT
} TokKind;

/* go/token's spelling of a token: "+", "func", "IDENT", ... */
const char *syn_tok_string(TokKind k);
static inline bool syn_tok_is_keyword(TokKind k) { return k >= TOK_BREAK && k <= TOK_VAR; }
static inline bool syn_tok_is_literal(TokKind k) { return k >= TOK_IDENT && k <= TOK_STRING; }

#endif
