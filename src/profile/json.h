/*
 * json: a small streaming JSON writer shared by every command with --json output.
 *
 * The writer tracks nesting so callers never place commas themselves: open a container,
 * write keys and values, close it. Strings are escaped per RFC 8259 (quotes, backslash,
 * control characters as \uXXXX); bytes that are not valid UTF-8 are replaced by U+FFFD so
 * the output is always valid JSON. Output is compact unless pretty is set (two-space
 * indentation). Nesting deeper than JSON_MAX_DEPTH is a programming error (assert).
 *
 * Stable API (used by heapdiff, watch and goroutines).
 */
#ifndef GOMEM_PROFILE_JSON_H
#define GOMEM_PROFILE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { JSON_MAX_DEPTH = 64 };

typedef struct JsonW {
	FILE *out;
	bool pretty;
	int depth;
	bool after_key;                  /* a key was written; the next value follows it */
	bool nonempty[JSON_MAX_DEPTH];   /* container at each depth already holds an element */
} JsonW;

void json_init(JsonW *w, FILE *out, bool pretty);
void json_begin_object(JsonW *w);
void json_end_object(JsonW *w);
void json_begin_array(JsonW *w);
void json_end_array(JsonW *w);
/* An object member's key; the next call writes its value. */
void json_key(JsonW *w, const char *key);
void json_string(JsonW *w, const char *s);      /* NULL writes null */
void json_stringn(JsonW *w, const char *s, size_t n);
void json_int(JsonW *w, int64_t v);
void json_uint(JsonW *w, uint64_t v);
void json_double(JsonW *w, double v);           /* non-finite values write null */
void json_bool(JsonW *w, bool v);
void json_null(JsonW *w);
/* Ends the document with a newline (the top-level value must be complete). */
void json_finish(JsonW *w);

/* Writes s as a JSON string literal (with quotes) to out. */
void json_write_escaped(FILE *out, const char *s, size_t n);

#endif
