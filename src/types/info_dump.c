/*
 * info_dump.c: the text forms of what the checker recorded (types/info.h), for
 * `gomem types -types` and `gomem types -facts` (formats: docs/types.md). Both are compared
 * line by line with tests/oracle/typesdump (-types, -facts).
 */
#include "types/check.h"

#include <string.h>

typedef struct TvLine {
	const char *path;
	uint32_t pos, end;
	const TypesTV *tv;
} TvLine;

static int tvline_cmp(const void *a, const void *b)
{
	const TvLine *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (c)
		return c;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void puts_buf(TypesBuf *b, const char *s)
{
	for (; *s; s++)
		vec_push(b, *s);
}

void types_dump_tvs(FILE *out, const TypesInfo *info)
{
	if (!info || !info->ntvs)
		return;
	TvLine *ls = xmalloc(sizeof *ls * info->ntvs);
	uint32_t n = 0;
	for (uint32_t i = 0; i < info->ntvs; i++) {
		const TypesTV *tv = &info->tvs[i];
		if (!tv->type || tv->mode == TV_NONE || !tv->file)
			continue;
		uint32_t p = syn_expr_pos(tv->e), e = syn_expr_end(tv->e);
		if (p == SYN_NOPOS || e == SYN_NOPOS)
			continue;
		ls[n++] = (TvLine){srcfile_get(tv->file)->path, p, e, tv};
	}
	qsort(ls, n, sizeof *ls, tvline_cmp);
	TypesBuf b = {0};
	for (uint32_t i = 0; i < n; i++) {
		const TypesTV *tv = ls[i].tv;
		SrcFile *f = srcfile_get(tv->file);
		LineCol p = srcfile_linecol(f, ls[i].pos), q = srcfile_linecol(f, ls[i].end);
		char head[96];
		b.len = 0;
		puts_buf(&b, f->path);
		snprintf(head, sizeof head, ":%u:%u\t%u:%u\t%s\t", p.line, p.col, q.line, q.col, types_tv_mode_names[tv->mode]);
		puts_buf(&b, head);
		types_write(&b, tv->type);
		if (tv->mode == TV_CONST && tv->val) {
			char *s = const_string(tv->val);
			vec_push(&b, '\t');
			puts_buf(&b, s);
			free(s);
		}
		vec_push(&b, '\n');
		fwrite(b.data, 1, b.len, out);
	}
	vec_free(&b);
	free(ls);
}
