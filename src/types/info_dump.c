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

void types_dump_tvs(TypesBuf *out, const TypesInfo *info)
{
	if (!info || !info->ntvs)
		return;
	TvLine *ls = xmalloc(sizeof *ls * info->ntvs);
	uint32_t n = 0;
	for (uint32_t i = 0; i < info->ntvs; i++) {
		const TypesTV *tv = types_tv_at(info, i);
		if (!tv->type || tv->mode == TV_NONE || !tv->file || check_mentions_invalid(tv->type))
			continue; /* not known (C types in cgo files): left out */
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
		for (size_t k = 0; k < b.len; k++)
			vec_push(out, b.data[k]);
	}
	vec_free(&b);
	free(ls);
}

/* ---- -facts ---- */

typedef struct FactLine {
	const char *path;
	uint32_t off, seq;
	char *text;
} FactLine;

typedef Vec(FactLine) FactLines;

static int factline_cmp(const void *a, const void *b)
{
	const FactLine *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (c)
		return c;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void fact_add(FactLines *ls, uint32_t file, uint32_t off, TypesBuf *b)
{
	vec_push(b, '\0');
	FactLine l = {srcfile_get(file)->path, off, (uint32_t)ls->len, xmalloc(b->len)};
	memcpy(l.text, b->data, b->len);
	vec_push(ls, l);
	b->len = 0;
}

static void put_pos(TypesBuf *b, uint32_t file, uint32_t off, bool with_path)
{
	SrcFile *f = srcfile_get(file);
	LineCol lc = srcfile_linecol(f, off);
	char s[48];
	if (with_path)
		puts_buf(b, f->path);
	snprintf(s, sizeof s, with_path ? ":%u:%u" : "%u:%u", lc.line, lc.col);
	puts_buf(b, s);
}

void types_dump_facts(TypesBuf *out, const TypesInfo *info)
{
	if (!info || !info->nfuncs)
		return;
	FactLines ls = {0};
	TypesBuf b = {0};
	for (uint32_t i = 0; i < info->nfuncs; i++) {
		const TypesFunc *f = info->funcs[i];
		put_pos(&b, f->file, f->pos, true);
		if (f->lit || f->range) {
			puts_buf(&b, f->lit ? "\tclosure\t" : "\trangefunc\t");
			if (f->outer >= 0)
				put_pos(&b, info->funcs[f->outer]->file, info->funcs[f->outer]->pos, false);
			else
				puts_buf(&b, "-");
		} else {
			puts_buf(&b, "\tfunc\t");
			puts_buf(&b, f->obj && f->obj->name ? f->obj->name->s : "?");
		}
		fact_add(&ls, f->file, f->pos, &b);
		for (uint32_t k = 0; k < f->nvars; k++) {
			const Object *v = f->vars[k];
			put_pos(&b, v->pos.file, v->pos.off, true);
			puts_buf(&b, "\tvar\t");
			puts_buf(&b, v->name->s);
			vec_push(&b, '\t');
			const char *sep = "";
			if (v->flags & VF_ADDR_TAKEN) {
				puts_buf(&b, "addr");
				sep = ",";
			}
			if (v->flags & VF_REASSIGNED) {
				puts_buf(&b, sep);
				puts_buf(&b, "reassigned");
				sep = ",";
			}
			if (v->flags & VF_CAPTURED) {
				puts_buf(&b, sep);
				puts_buf(&b, "captured");
				sep = ",";
			}
			if (!*sep)
				puts_buf(&b, "-");
			fact_add(&ls, v->pos.file, v->pos.off, &b);
		}
		for (uint32_t k = 0; k < f->ncaptures; k++) {
			const TypesCapture *cp = &f->captures[k];
			char s[96];
			put_pos(&b, f->file, f->pos, true);
			snprintf(s, sizeof s, "\tcapture\t%u\t", k + 1);
			puts_buf(&b, s);
			puts_buf(&b, cp->var->name->s);
			vec_push(&b, '\t');
			put_pos(&b, cp->var->pos.file, cp->var->pos.off, false);
			snprintf(s, sizeof s, "\t%s\taddr=%s assign=%s width=%lld%s", cp->byval ? "byval" : "byref", cp->addr ? "true" : "false",
			         cp->assign ? "true" : "false", (long long)types_var_width(cp->var->type),
			         f->generic ? "\tgeneric" : "");
			puts_buf(&b, s);
			fact_add(&ls, f->file, f->pos, &b);
		}
	}
	qsort(ls.data, ls.len, sizeof *ls.data, factline_cmp);
	for (size_t i = 0; i < ls.len; i++) {
		puts_buf(out, ls.data[i].text);
		vec_push(out, '\n');
		free(ls.data[i].text);
	}
	vec_free(&ls);
	vec_free(&b);
}
