/*
 * heapdiff: aggregation of profile samples into pprof's function and line nodes (see
 * heapdiff.h). Function nodes are keyed by interned name, so a sample's frames find their
 * node with one hash lookup each; the cum de-duplication uses a per-node stamp holding the
 * number of the last sample that counted it, so nothing is cleared between samples.
 * Frame names are resolved once per profile (per location line) before the samples run.
 */
#include "heapdiff.h"

#include <stdlib.h>
#include <string.h>

void prof_agg_init(ProfAgg *g)
{
	memset(g, 0, sizeof *g);
	arena_init(&g->arena);
	intern_init(&g->names);
	map_init(&g->func_index);
	map_init(&g->site_index);
}

void prof_agg_free(ProfAgg *g)
{
	arena_free(&g->arena);
	intern_free(&g->names);
	map_free(&g->func_index);
	map_free(&g->site_index);
	vec_free(&g->funcs);
	vec_free(&g->sites);
	vec_free(&g->stamp);
}

static uint32_t func_node(ProfAgg *g, const char *name)
{
	Name *nm = intern_cstr(&g->names, name);
	uintptr_t i = (uintptr_t)map_get(&g->func_index, (uintptr_t)nm);
	if (i)
		return (uint32_t)(i - 1);
	HdFunc f = {nm->s, 0, 0};
	vec_push(&g->funcs, f);
	vec_push(&g->stamp, 0);
	map_put(&g->func_index, (uintptr_t)nm, (void *)(uintptr_t)g->funcs.len);
	return (uint32_t)(g->funcs.len - 1);
}

static uint32_t site_node(ProfAgg *g, const char *func, const char *file, int64_t line)
{
	size_t fl = strlen(func), fil = strlen(file);
	char buf[1024];
	size_t n = fl + 1 + fil + 1 + 24;
	char *key = n <= sizeof buf ? buf : xmalloc(n);
	memcpy(key, func, fl + 1);
	memcpy(key + fl + 1, file, fil + 1);
	int k = snprintf(key + fl + 1 + fil + 1, 24, "%lld", (long long)line);
	Name *nm = intern(&g->names, key, fl + 1 + fil + 1 + (size_t)k);
	if (key != buf)
		free(key);
	uintptr_t i = (uintptr_t)map_get(&g->site_index, (uintptr_t)nm);
	if (i)
		return (uint32_t)(i - 1);
	HdSite s = {nm->s, nm->s + fl + 1, line, 0};
	vec_push(&g->sites, s);
	map_put(&g->site_index, (uintptr_t)nm, (void *)(uintptr_t)g->sites.len);
	return (uint32_t)(g->sites.len - 1);
}

/* The node name pprof gives a frame at function granularity. */
static const char *frame_name(const Profile *p, const ProfLocation *l, const ProfLine *ln, char *buf, size_t n)
{
	if (ln && ln->func != PROF_NONE && p->funcs[ln->func].name[0])
		return p->funcs[ln->func].name;
	if (l->mapping != PROF_NONE && p->mappings[l->mapping].file[0]) {
		const char *f = p->mappings[l->mapping].file;
		const char *slash = strrchr(f, '/');
		snprintf(buf, n, "[%s]", slash ? slash + 1 : f);
		return buf;
	}
	return "<unknown>";
}

/* Sums wrap instead of overflowing: hostile inputs must not reach undefined behaviour. */
static inline int64_t add_wrap(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }

void prof_agg_add(ProfAgg *g, const Profile *p, int ti, int sign)
{
	/* Resolve every location's frames to nodes once: locnode[start[l] + k] is the node of
	 * line k of location l (one entry for a location without lines). */
	uint32_t *start = xmalloc((p->nlocs + 1) * sizeof *start);
	size_t total = 0;
	for (size_t l = 0; l < p->nlocs; l++) {
		start[l] = (uint32_t)total;
		total += p->locs[l].nlines ? p->locs[l].nlines : 1;
	}
	start[p->nlocs] = (uint32_t)total;
	uint32_t *locnode = xmalloc((total + 1) * sizeof *locnode);
	uint32_t *leafsite = xmalloc((p->nlocs + 1) * sizeof *leafsite);
	char buf[300];
	for (size_t l = 0; l < p->nlocs; l++) {
		const ProfLocation *loc = &p->locs[l];
		if (!loc->nlines) {
			const char *nm = frame_name(p, loc, NULL, buf, sizeof buf);
			locnode[start[l]] = func_node(g, nm);
			leafsite[l] = UINT32_MAX; /* resolved lazily below */
			continue;
		}
		for (uint32_t k = 0; k < loc->nlines; k++)
			locnode[start[l] + k] = func_node(g, frame_name(p, loc, &loc->lines[k], buf, sizeof buf));
		leafsite[l] = UINT32_MAX;
	}
	for (size_t si = 0; si < p->nsamples; si++) {
		const ProfSample *s = &p->samples[si];
		int64_t v = s->values[ti];
		if (v == 0)
			continue;
		if (sign < 0)
			v = (int64_t)(0 - (uint64_t)v);
		g->total = add_wrap(g->total, v);
		if (s->nlocs == 0)
			continue;
		uint32_t no = ++g->sample_no;
		for (uint32_t i = 0; i < s->nlocs; i++) {
			uint32_t l = s->locs[i];
			for (uint32_t k = start[l]; k < start[l + 1]; k++) {
				uint32_t n = locnode[k];
				if (g->stamp.data[n] != no) {
					g->stamp.data[n] = no;
					g->funcs.data[n].cum = add_wrap(g->funcs.data[n].cum, v);
				}
			}
		}
		uint32_t leaf = s->locs[0];
		HdFunc *lf = &g->funcs.data[locnode[start[leaf]]];
		lf->flat = add_wrap(lf->flat, v);
		if (leafsite[leaf] == UINT32_MAX) {
			const ProfLocation *loc = &p->locs[leaf];
			const ProfLine *ln = loc->nlines ? &loc->lines[0] : NULL;
			const char *file = ln && ln->func != PROF_NONE ? p->funcs[ln->func].filename : "";
			leafsite[leaf] = site_node(g, frame_name(p, loc, ln, buf, sizeof buf), file, ln ? ln->line : 0);
		}
		g->sites.data[leafsite[leaf]].flat = add_wrap(g->sites.data[leafsite[leaf]].flat, v);
	}
	free(start);
	free(locnode);
	free(leafsite);
}

static int cmp_func(const void *a, const void *b)
{
	const HdFunc *x = a, *y = b;
	if (x->flat != y->flat)
		return x->flat > y->flat ? -1 : 1;
	if (x->cum != y->cum)
		return x->cum > y->cum ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_site(const void *a, const void *b)
{
	const HdSite *x = a, *y = b;
	if (x->flat != y->flat)
		return x->flat > y->flat ? -1 : 1;
	int c = strcmp(x->func, y->func);
	if (c)
		return c;
	c = strcmp(x->file, y->file);
	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

HdFunc *prof_agg_functions(ProfAgg *g, size_t *n)
{
	HdFunc *out = ARENA_ARRAY(&g->arena, HdFunc, g->funcs.len + 1);
	size_t k = 0;
	for (size_t i = 0; i < g->funcs.len; i++)
		if (g->funcs.data[i].flat || g->funcs.data[i].cum)
			out[k++] = g->funcs.data[i];
	qsort(out, k, sizeof *out, cmp_func);
	*n = k;
	return out;
}

HdSite *prof_agg_sites(ProfAgg *g, size_t *n)
{
	HdSite *out = ARENA_ARRAY(&g->arena, HdSite, g->sites.len + 1);
	size_t k = 0;
	for (size_t i = 0; i < g->sites.len; i++)
		if (g->sites.data[i].flat)
			out[k++] = g->sites.data[i];
	qsort(out, k, sizeof *out, cmp_site);
	*n = k;
	return out;
}

bool hd_select_type(const Profile *base, const Profile *cur, const char *name, int *bi, int *ci, char **err)
{
	int c;
	if (name && *name && strspn(name, "0123456789") == strlen(name)) {
		/* an index, as pprof's -sample_index also accepts */
		long i = strlen(name) < 6 ? atol(name) : -1;
		if (i < 0 || (size_t)i >= cur->ntypes) {
			*err = xasprintf("sample index %s out of range: the profile has %zu sample types", name, cur->ntypes);
			return false;
		}
		c = (int)i;
	} else if (name) {
		c = prof_type_index(cur, name);
		if (c < 0) {
			Vec(char) list = {0};
			for (size_t i = 0; i < cur->ntypes; i++) {
				const char *t = cur->types[i].type;
				size_t l = strlen(t);
				vec_grow_to(&list, list.len + l + 3);
				if (list.len) {
					list.data[list.len++] = ',';
					list.data[list.len++] = ' ';
				}
				memcpy(list.data + list.len, t, l);
				list.len += l;
			}
			vec_push(&list, 0);
			*err = xasprintf("sample type %s not in the profile (it has: %s)", name, list.data);
			vec_free(&list);
			return false;
		}
	} else {
		c = prof_type_index(cur, "inuse_space");
		if (c < 0)
			c = prof_default_type_index(cur);
		if (c < 0) {
			*err = xstrdup("the current profile has no sample types");
			return false;
		}
	}
	const char *t = cur->types[c].type;
	int b = prof_type_index(base, t);
	if (b < 0) {
		*err = xasprintf("the base profile has no %s samples: the profiles are of different kinds", t);
		return false;
	}
	if (strcmp(base->types[b].unit, cur->types[c].unit) != 0) {
		*err = xasprintf("%s is in %s in the base profile but in %s in the current one", t, base->types[b].unit,
		                 cur->types[c].unit);
		return false;
	}
	*bi = b;
	*ci = c;
	return true;
}
