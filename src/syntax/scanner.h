/*
 * The Go scanner (spec: "Lexical elements"; behaviour as go/scanner's).
 *
 * syn_scan returns one token at a time. Positions, literal spellings and automatic
 * semicolons follow go/scanner exactly: an automatic semicolon has implicit set (go/scanner's
 * literal "\n"), and sits at the newline, or at the start of a comment that ends the line,
 * or at EOF. Comments are returned as TOK_COMMENT only in SCAN_COMMENTS mode; in every mode
 * they are recorded in Scanner.comments (the parser groups them for the AST), and the
 * directives tools need (//go:..., //line, build constraints) are recognised there.
 *
 * Errors (bad literals, invalid UTF-8, NUL, BOM not at start, unterminated comments/strings)
 * go to the Diags with their exact position, worded as gc words them; scanning continues.
 */
#ifndef GOMEM_SYNTAX_SCANNER_H
#define GOMEM_SYNTAX_SCANNER_H

#include "syntax/token.h"

typedef struct Token {
	TokKind kind;
	uint32_t off;   /* byte offset of the first byte */
	uint32_t len;   /* bytes of source spelled by the token (0 for an implicit semicolon) */
	bool implicit;  /* automatic semicolon (go/scanner's literal "\n") */
	Name *name;     /* TOK_IDENT: the interned identifier */
} Token;

typedef enum CommentKind {
	COMMENT_PLAIN,
	COMMENT_DIRECTIVE,  /* //go:name ..., //export, //extern, //line and its block form */
	COMMENT_BUILD,      /* //go:build ... or // +build ... */
} CommentKind;

typedef struct Comment {
	uint32_t off, len;  /* the whole comment, including // or the slash-star and star-slash */
	CommentKind kind;
} Comment;

enum {
	SCAN_COMMENTS = 1 << 0, /* return comments as TOK_COMMENT tokens */
};

typedef struct Scanner {
	SrcFile *file;
	const char *src;    /* file->text */
	uint32_t len;
	uint32_t off;       /* next byte to read */
	bool insert_semi;   /* a newline or EOF now produces an automatic semicolon */
	unsigned mode;
	Interner *names;
	Diags *diags;
	Vec(Comment) comments;
	uint32_t nerrors;
} Scanner;

/* Interns the keywords into names with their token numbers (idempotent). */
void syn_intern_keywords(Interner *names);
void syn_scanner_init(Scanner *s, SrcFile *f, Interner *names, Diags *diags, unsigned mode);
void syn_scanner_free(Scanner *s);
TokKind syn_scan(Scanner *s, Token *t);

/* Literal values, for later stages (and the dump's checks). Both return false on a literal
 * the scanner already reported as malformed. The string value is UTF-8, in the arena. */
bool syn_unquote(Arena *a, const char *lit, size_t n, char **out, size_t *outlen);
bool syn_char_value(const char *lit, size_t n, uint32_t *rune);

/* Unicode classes as the spec defines them (Go's unicode tables, version 15.0.0). */
bool syn_is_letter(uint32_t r);  /* unicode.IsLetter or '_' */
bool syn_is_digit(uint32_t r);   /* unicode.IsDigit */

#endif
