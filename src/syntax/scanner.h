/*
 * The Go scanner (spec: "Lexical elements"; behaviour as go/scanner's).
 *
 * syn_scan returns one token at a time. Positions, literal spellings and automatic
 * semicolons follow go/scanner (Go 1.26) exactly: an automatic semicolon has implicit set
 * (go/scanner's literal "\n") and sits at the newline that ends the line, or at the first
 * newline inside a multi-line block comment (returned after that comment), or at EOF. A
 * line comment ending the line comes first, then the semicolon at its newline.
 * Comments are returned as TOK_COMMENT only in SCAN_COMMENTS mode; in every mode
 * they are recorded in Scanner.comments (the parser groups them for the AST), and the
 * directives tools need (//go:..., //line, build constraints) are recognised there.
 * A comment's span excludes the '\r' of a line comment ending in "\r\n" (as go/scanner).
 *
 * Errors (bad literals, invalid UTF-8, NUL, BOM not at start, unterminated comments/strings)
 * go to the Diags with their exact position, worded as gc's scanner words them (gc prints
 * them with no "syntax error: " prefix); scanning continues.
 */
#ifndef GOMEM_SYNTAX_SCANNER_H
#define GOMEM_SYNTAX_SCANNER_H

#include "syntax/token.h"

typedef struct Token {
	TokKind kind;
	uint32_t off;   /* byte offset of the first byte */
	uint32_t len;   /* bytes of source spelled by the token (0 for an implicit semicolon) */
	bool implicit;  /* automatic semicolon (go/scanner's literal "\n") */
	Name *name;     /* TOK_IDENT (and keywords): the interned spelling; NULL otherwise */
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

/* An entry of the scanner's identifier cache (internal). */
typedef struct IdCacheEntry {
	Name *nm;
	uint32_t len;
	char s[20]; /* the name's bytes when it has at most 20 */
} IdCacheEntry;

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
	/* internal state */
	uint32_t nl_semi;   /* 1 + offset of a pending automatic semicolon (after a block comment) */
	uint32_t gc_ident;  /* 1 + offset where gc's scanner would still be inside an identifier */
	uint32_t gc_num_end; /* end of gc's number when it runs past go/scanner's (dropped bytes) */
	uint32_t gc_esc_end; /* end of gc's escape, likewise */
	uint32_t gc_quiet_end; /* end of a comment gc reads across dropped bytes ("/<NUL>/") */
	IdCacheEntry *idcache; /* small direct-mapped cache in front of the interner */
	uint32_t idcache_mask; /* its size - 1 */
} Scanner;

/* Interns the keywords into names with their token numbers (idempotent). */
void syn_intern_keywords(Interner *names);
void syn_scanner_init(Scanner *s, SrcFile *f, Interner *names, Diags *diags, unsigned mode);
/* Starts s over on another file with the same names, diags and mode: cheaper than free and
 * init for many files, as the identifier cache carries over. Scanner.comments is emptied
 * (copy it out first). */
void syn_scanner_reset(Scanner *s, SrcFile *f);
void syn_scanner_free(Scanner *s);
TokKind syn_scan(Scanner *s, Token *t);

/* Literal values, for later stages (and the dump's checks). Both return false on a literal
 * the scanner already reported as malformed. The string value is UTF-8, in the arena. */
bool syn_unquote(Arena *a, const char *lit, size_t n, char **out, size_t *outlen);
bool syn_char_value(const char *lit, size_t n, uint32_t *rune);

/* Unicode classes as the spec defines them (Go's unicode tables, version 15.0.0). */
bool syn_is_letter(uint32_t r);  /* unicode.IsLetter or '_' */
bool syn_is_digit(uint32_t r);   /* unicode.IsDigit */
bool syn_is_print(uint32_t r);   /* strconv.IsPrint */

/* UTF-8 as Go's unicode/utf8: a bad or truncated sequence decodes as SYN_RUNE_ERROR with
 * width 1 (width 0 only when n is 0). */
#define SYN_RUNE_ERROR 0xFFFDu
uint32_t syn_decode_rune(const unsigned char *p, size_t n, uint32_t *width);
/* Encodes r (U+FFFD for an invalid rune) into buf (4 bytes); returns the length. */
size_t syn_encode_rune(uint32_t r, char *buf);
/* Go's fmt verbs used in gc's messages, into buf (at least 32 bytes): %#U ("U+0040 '@'")
 * and %q of a rune ('\x00', '\n', 'é'). Return buf. */
char *syn_fmt_U(uint32_t r, char *buf);
char *syn_quote_rune(uint32_t r, char *buf);

#endif
