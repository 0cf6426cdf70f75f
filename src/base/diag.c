/* Diagnostics: collected with positions, sorted on demand, printed as gc prints them. */
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void diags_init(Diags *d) { memset(d, 0, sizeof *d); }

void diags_free(Diags *d)
{
	for (size_t i = 0; i < d->list.len; i++)
		free(d->list.data[i].msg);
	vec_free(&d->list);
	d->nerrors = 0;
}

void diag_vadd(Diags *d, Pos pos, DiagSeverity sev, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap2);
	va_end(ap2);
	vec_push(&d->list, ((Diag){pos, sev, msg}));
	if (sev == DIAG_ERROR)
		d->nerrors++;
}

void diag_add(Diags *d, Pos pos, DiagSeverity sev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, pos, sev, fmt, ap);
	va_end(ap);
}

static int diag_cmp(const void *a, const void *b)
{
	const Diag *x = a, *y = b;
	if (x->pos.file != y->pos.file)
		return x->pos.file < y->pos.file ? -1 : 1;
	if (x->pos.off != y->pos.off)
		return x->pos.off < y->pos.off ? -1 : 1;
	return 0;
}

void diags_sort(Diags *d)
{
	/* Insertion sort keeps equal positions in the order they were reported. */
	Diag *v = d->list.data;
	for (size_t i = 1; i < d->list.len; i++) {
		Diag t = v[i];
		size_t j = i;
		while (j > 0 && diag_cmp(&v[j - 1], &t) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
}

bool base_isatty(FILE *out)
{
	const char *term = getenv("TERM");
	return isatty(fileno(out)) && !(term && strcmp(term, "dumb") == 0);
}

static const char *sev_prefix(DiagSeverity s)
{
	switch (s) {
	case DIAG_ERROR:
		return "";
	case DIAG_WARNING:
		return "warning: ";
	case DIAG_NOTE:
		return "note: ";
	}
	return "";
}

void diags_print(const Diags *d, FILE *out, bool caret)
{
	for (size_t i = 0; i < d->list.len; i++) {
		const Diag *g = &d->list.data[i];
		SrcFile *f = srcfile_get(g->pos.file);
		if (!f) {
			fprintf(out, "%s%s\n", sev_prefix(g->sev), g->msg);
			continue;
		}
		LineCol lc = srcfile_linecol(f, g->pos.off);
		fprintf(out, "%s:%u:%u: %s%s\n", f->path, lc.line, lc.col, sev_prefix(g->sev), g->msg);
		if (!caret)
			continue;
		size_t n;
		const char *line = srcfile_line_text(f, g->pos.off, &n);
		if (n > 200)
			continue; /* a caret under a minified line helps nobody */
		fprintf(out, "\t%.*s\n\t", (int)n, line);
		for (size_t k = 0; k + 1 < lc.col && k < n; k++)
			fputc(line[k] == '\t' ? '\t' : ' ', out);
		fputs("^\n", out);
	}
}
