/*
 * json: the streaming writer of json.h. Separators are decided from the state of the
 * enclosing container (nonempty[depth]); after_key suppresses the comma and indentation
 * for a member's value. Strings are validated as UTF-8 while they are escaped.
 */
#include "json.h"

#include "base/base.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void json_init(JsonW *w, FILE *out, bool pretty)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->pretty = pretty;
}

static void indent(JsonW *w)
{
	if (!w->pretty)
		return;
	fputc('\n', w->out);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->out);
}

/* Called before every value and key: the comma and indentation it needs. */
static void sep(JsonW *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->nonempty[w->depth])
			fputc(',', w->out);
		w->nonempty[w->depth] = true;
		indent(w);
	}
}

static void open(JsonW *w, char c)
{
	sep(w);
	fputc(c, w->out);
	assert(w->depth + 1 < JSON_MAX_DEPTH);
	w->depth++;
	w->nonempty[w->depth] = false;
}

static void close_(JsonW *w, char c)
{
	assert(w->depth > 0 && !w->after_key);
	bool had = w->nonempty[w->depth];
	w->depth--;
	if (had)
		indent(w);
	fputc(c, w->out);
}

void json_begin_object(JsonW *w) { open(w, '{'); }
void json_end_object(JsonW *w) { close_(w, '}'); }
void json_begin_array(JsonW *w) { open(w, '['); }
void json_end_array(JsonW *w) { close_(w, ']'); }

void json_key(JsonW *w, const char *key)
{
	sep(w);
	json_write_escaped(w->out, key, strlen(key));
	fputs(w->pretty ? ": " : ":", w->out);
	w->after_key = true;
}

void json_write_escaped(FILE *out, const char *str, size_t n)
{
	base_json_quote(out, str, n, false);
}

void json_stringn(JsonW *w, const char *s, size_t n)
{
	sep(w);
	json_write_escaped(w->out, s, n);
}

void json_string(JsonW *w, const char *s)
{
	if (!s) {
		json_null(w);
		return;
	}
	json_stringn(w, s, strlen(s));
}

void json_int(JsonW *w, int64_t v)
{
	sep(w);
	fprintf(w->out, "%" PRId64, v);
}

void json_uint(JsonW *w, uint64_t v)
{
	sep(w);
	fprintf(w->out, "%" PRIu64, v);
}

void json_double(JsonW *w, double v)
{
	sep(w);
	if (!isfinite(v))
		fputs("null", w->out);
	else {
		/* the shortest of %.15g..%.17g that reads back as the same double */
		char buf[40];
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(buf, sizeof buf, "%.*g", prec, v);
			if (strtod(buf, NULL) == v)
				break;
		}
		fputs(buf, w->out);
	}
}

void json_bool(JsonW *w, bool v)
{
	sep(w);
	fputs(v ? "true" : "false", w->out);
}

void json_null(JsonW *w)
{
	sep(w);
	fputs("null", w->out);
}

void json_finish(JsonW *w)
{
	assert(w->depth == 0);
	fputc('\n', w->out);
}
