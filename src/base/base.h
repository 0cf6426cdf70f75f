/*
 * base: the layer every stage of gomem stands on.
 *
 *   - checked allocation (xmalloc & co: out of memory is the one fatal error),
 *   - Arena: bump allocation, everything made for a package dies with its arena,
 *   - Vec(T): typed growable arrays on the heap (finished lists are copied into an arena),
 *   - Map: open-addressing hash map from pointer-sized keys to pointers,
 *   - Name/Interner: interned identifiers, compared by pointer, carrying a token number,
 *   - SrcFile/Pos: file id + byte offset positions, line:col computed on demand,
 *   - Diags: diagnostics collected with positions, printed as file:line:col: message.
 *
 * Nothing here reads user input except base_read_file, which reports failures as
 * values, never by exiting.
 */
#ifndef GOMEM_BASE_H
#define GOMEM_BASE_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define GOMEM_VERSION "0.1.0"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* ---- checked allocation (alloc.c) ---- */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh heap string. */
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
NORETURN void base_fatal(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* ---- arena (arena.c) ---- */

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
	ArenaBlock *head;   /* current block; older blocks are chained behind it */
	char *ptr, *end;    /* free space in the current block */
	size_t total;       /* bytes obtained from malloc, for memory figures */
} Arena;

void arena_init(Arena *a);
/* Memory aligned for any object (_Alignof(max_align_t)); never NULL. Contents are zeroed. */
void *arena_alloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
void *arena_memdup(Arena *a, const void *p, size_t n);
void arena_free(Arena *a);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/* ---- growable arrays ---- */

/* Vec(T) is an anonymous struct; declare named ones with typedef Vec(T) MyVec; */
#define Vec(T) struct { T *data; size_t len, cap; }

#define vec_grow_to(v, n)                                                       \
	do {                                                                        \
		if ((n) > (v)->cap) {                                                   \
			size_t nc_ = (v)->cap ? (v)->cap * 2 : 8;                          \
			while (nc_ < (n)) nc_ *= 2;                                         \
			(v)->data = xrealloc((v)->data, nc_ * sizeof(*(v)->data));        \
			(v)->cap = nc_;                                                     \
		}                                                                       \
	} while (0)
#define vec_push(v, x)                                                          \
	do {                                                                        \
		vec_grow_to((v), (v)->len + 1);                                         \
		(v)->data[(v)->len++] = (x);                                            \
	} while (0)
#define vec_pop(v) ((v)->data[--(v)->len])
#define vec_last(v) ((v)->data[(v)->len - 1])
#define vec_clear(v) ((v)->len = 0)
#define vec_free(v)                                                             \
	do {                                                                        \
		free((v)->data);                                                        \
		(v)->data = NULL;                                                       \
		(v)->len = (v)->cap = 0;                                                \
	} while (0)
/* Copy the elements into the arena (a finished list); returns NULL when empty. */
#define vec_to_arena(a, v) arena_memdup((a), (v)->data, (v)->len * sizeof(*(v)->data))

/* ---- hash map (map.c): keys are non-zero pointer-sized values ---- */

typedef struct Map {
	uintptr_t *keys;
	void **vals;
	size_t len, cap; /* cap is 0 or a power of two */
} Map;

void map_init(Map *m);
void map_free(Map *m);
void *map_get(const Map *m, uintptr_t key);
/* Sets key to val; returns the previous value or NULL. */
void *map_put(Map *m, uintptr_t key, void *val);
uint64_t hash_bytes(const void *p, size_t n);

/* ---- interned names (intern.c) ---- */

typedef struct Name {
	uint32_t len;
	uint32_t hash;
	int32_t tok; /* token number when the name is a keyword, else 0 (set by the scanner) */
	char s[];    /* NUL-terminated */
} Name;

/* Safe to share between threads: lookups of names already there take no lock (they read the
 * current table with acquire loads); a miss takes the interner's lock to insert. A table
 * replaced by a bigger one is kept until intern_free, for lookups still reading it. */
typedef struct InternTable InternTable;
typedef struct Interner {
	InternTable *table;  /* current table (atomic pointer) */
	InternTable *old;    /* replaced tables */
	size_t len;
	Arena arena;         /* the names; allocated under the lock */
	pthread_mutex_t lock;
} Interner;

void intern_init(Interner *in);
void intern_free(Interner *in);
Name *intern(Interner *in, const char *s, size_t n);
Name *intern_cstr(Interner *in, const char *s);

/* ---- UTF-8 and JSON strings (utf8.c) ---- */

/* Go's utf8.DecodeRune: a bad or truncated sequence decodes as BASE_RUNE_ERROR with width 1
 * (width 0 only when n is 0); a valid U+FFFD has width 3. */
#define BASE_RUNE_ERROR 0xFFFDu
uint32_t base_utf8_decode(const unsigned char *p, size_t n, uint32_t *width);
/* Encodes r (U+FFFD for a surrogate or anything above U+10FFFF) into buf (4 bytes); returns
 * the length. */
size_t base_utf8_encode(uint32_t r, char *buf);
/* Writes s[0..n) as a JSON string the way Go's encoding/json does: \" \\ \b \f \n \r \t,
 * other controls as \u00XX, invalid UTF-8 as \ufffd, U+2028/U+2029 escaped, and with html
 * also < > & (json.Marshal's default; go list -json has it). */
void base_json_quote(FILE *out, const char *s, size_t n, bool html);
/* One step of Go's strconv.QuoteToASCII (%+q) between the quotes: the spelling of the rune (or
 * invalid byte) starting s[0..n), at most 10 bytes written to buf; returns the spelling's length
 * and sets *width to the source bytes consumed. */
size_t base_quote_ascii_step(const unsigned char *s, size_t n, uint32_t *width, char *buf);

/* ---- source files and positions (pos.c) ---- */

typedef struct SrcFile {
	uint32_t id;
	char *path;        /* as given by the user or the loader */
	char *text;        /* contents followed by a NUL byte (the file may contain NULs too) */
	size_t len;
	uint32_t *lines;   /* start offset of each line, built on first use */
	size_t nlines;
} SrcFile;

typedef struct Pos {
	uint32_t file; /* SrcFile id; 0 means "no position" */
	uint32_t off;  /* byte offset in the file */
} Pos;

typedef struct LineCol {
	uint32_t line, col; /* both 1-based; col counts bytes */
} LineCol;

typedef enum {
	READ_OK,
	READ_NOT_FOUND,
	READ_IS_DIR,
	READ_TOO_BIG,
	READ_IO_ERROR,
} ReadStatus;

/* Reads a whole file into a NUL-terminated heap buffer; "-" reads standard input to its end.
 * On failure *msg gets a static
 * explanation (strerror-like) and the return value says which kind of failure. */
ReadStatus base_read_file(const char *path, char **text, size_t *len, const char **msg);

/* path.Clean (and filepath.Clean on Unix) of a slash-separated path: writes the result to
 * out, which must hold strlen(p) + 2 bytes, and returns out. */
char *base_path_clean(const char *p, char *out);

/* Files are registered once and live for the whole run; ids start at 1.
 * The registry takes ownership of path (copied) and text (must be from xmalloc). */
SrcFile *srcfile_add(const char *path, char *text, size_t len);
SrcFile *srcfile_get(uint32_t id);
LineCol srcfile_linecol(SrcFile *f, uint32_t off);
LineCol pos_linecol(Pos p);
/* The text of the line holding offset off, without its newline. */
const char *srcfile_line_text(SrcFile *f, uint32_t off, size_t *n);

/* ---- diagnostics (diag.c) ---- */

typedef enum {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE,
} DiagSeverity;

typedef struct Diag {
	Pos pos;
	DiagSeverity sev;
	char *msg; /* heap */
} Diag;

typedef struct Diags {
	Vec(Diag) list;
	size_t nerrors;
} Diags;

void diags_init(Diags *d);
void diags_free(Diags *d);
void diag_add(Diags *d, Pos pos, DiagSeverity sev, const char *fmt, ...) PRINTF_LIKE(4, 5);
void diag_vadd(Diags *d, Pos pos, DiagSeverity sev, const char *fmt, va_list ap);
#define diag_error(d, pos, ...) diag_add((d), (pos), DIAG_ERROR, __VA_ARGS__)
/* Stable sort by file, then offset. */
void diags_sort(Diags *d);
/* Prints every diagnostic as FILE:LINE:COL: message. With caret set (a terminal),
 * the source line follows with a caret under the column. */
void diags_print(const Diags *d, FILE *out, bool caret);
/* True when out is a terminal and NO_COLOR-style opt-outs are absent. */
bool base_isatty(FILE *out);

#endif
