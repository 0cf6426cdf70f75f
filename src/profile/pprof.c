/*
 * pprof: decoding of profile.proto (see pprof.h). Decoding runs in two steps, as pprof's
 * own decoder does: the wire pass collects raw records (string indexes, raw ids) in
 * growable vectors, then the resolve pass turns string indexes into strings and ids into
 * indexes, checking each (pprof's postDecode and CheckValid): an out-of-range string
 * index, an unknown or duplicate id, a reserved id 0, or a sample whose value count does
 * not match the sample types is an error. Unknown fields are skipped, as protobuf demands.
 * The legacy text form lives in pprof_legacy.c.
 */
#include "pprof.h"

#include "gz.h"
#include "pprof_internal.h"
#include "proto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct RawStr {
	const uint8_t *p;
	size_t n;
} RawStr;

typedef struct RawLabel {
	int64_t key, str, num, unit;
} RawLabel;

typedef struct RawSample {
	size_t locs;    /* raw location ids: all_locs[locs .. locs+nlocs) */
	uint32_t nlocs;
	int64_t *values;
	uint32_t nvalues;
	size_t labels;  /* all_labels[labels .. labels+nlabels) */
	uint32_t nlabels;
	size_t offset;
} RawSample;

typedef struct RawLine {
	uint64_t func;
	int64_t line, column;
} RawLine;

typedef struct RawLoc {
	uint64_t id, mapping, address;
	bool folded;
	RawLine *lines;
	uint32_t nlines;
	size_t offset;
} RawLoc;

typedef struct RawFunc {
	uint64_t id;
	int64_t name, system_name, filename, start_line;
	size_t offset;
} RawFunc;

typedef struct RawMapping {
	uint64_t id, start, limit, offset_, file, build_id;
	bool hf, hfn, hl, hi;
	size_t offset;
} RawMapping;

typedef struct Decoder {
	Profile *p;
	Arena *a;
	PbError err;
	Vec(RawStr) strings;
	Vec(int64_t) type_raw;   /* pairs type, unit */
	Vec(RawSample) samples;
	Vec(RawLoc) locs;
	Vec(RawFunc) funcs;
	Vec(RawMapping) maps;
	Vec(int64_t) comments;
	int64_t period_type[2], drop, keep, default_type, doc_url;
	Vec(uint64_t) all_locs;     /* every sample's location ids, back to back */
	Vec(RawLabel) all_labels;   /* every sample's labels, back to back */
	/* scratch */
	Vec(int64_t) i64s;
	Vec(RawLine) lines;
	char *errmsg; /* resolve-pass error */
} Decoder;

/* Appends a repeated integer field (packed or not) to v (a Vec of 64-bit integers). */
#define READ_REPEATED(r, wt, v)                                                                          \
	do {                                                                                                 \
		if ((wt) == PB_BYTES) {                                                                          \
			PbReader sub_ = pb_bytes(r);                                                                 \
			vec_grow_to((v), (v)->len + pb_packed_count(sub_.p, (size_t)(sub_.end - sub_.p)));           \
			while (pb_more(&sub_))                                                                       \
				vec_push((v), pb_varint(&sub_));                                                         \
		} else                                                                                           \
			vec_push((v), pb_scalar((r), (wt)));                                                         \
	} while (0)

static void decode_value_type(PbReader *r, int64_t *type, int64_t *unit)
{
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		if (f == 1)
			*type = (int64_t)pb_scalar(r, wt);
		else if (f == 2)
			*unit = (int64_t)pb_scalar(r, wt);
		else
			pb_skip(r, wt);
	}
}

static void decode_sample(Decoder *d, PbReader *r)
{
	RawSample s = {0};
	s.offset = pb_offset(r);
	s.locs = d->all_locs.len;
	s.labels = d->all_labels.len;
	vec_clear(&d->i64s);
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		switch (f) {
		case 1: READ_REPEATED(r, wt, &d->all_locs); break;
		case 2: READ_REPEATED(r, wt, &d->i64s); break;
		case 3: {
			if (wt != PB_BYTES) {
				pb_fail(r, "sample label is not a message");
				break;
			}
			PbReader lr = pb_bytes(r);
			RawLabel l = {0};
			uint32_t lf;
			PbWireType lwt;
			while (pb_key(&lr, &lf, &lwt)) {
				int64_t v = 0;
				if (lf >= 1 && lf <= 4)
					v = (int64_t)pb_scalar(&lr, lwt);
				else
					pb_skip(&lr, lwt);
				if (lf == 1) l.key = v;
				else if (lf == 2) l.str = v;
				else if (lf == 3) l.num = v;
				else if (lf == 4) l.unit = v;
			}
			vec_push(&d->all_labels, l);
			break;
		}
		default: pb_skip(r, wt); break;
		}
	}
	if (pb_failed(r))
		return;
	size_t nl = d->all_locs.len - s.locs, nb = d->all_labels.len - s.labels;
	if (nl > UINT32_MAX || d->i64s.len > UINT32_MAX || nb > UINT32_MAX) {
		pb_fail(r, "sample too large");
		return;
	}
	s.nlocs = (uint32_t)nl;
	s.nvalues = (uint32_t)d->i64s.len;
	s.values = vec_to_arena(d->a, &d->i64s);
	s.nlabels = (uint32_t)nb;
	vec_push(&d->samples, s);
}

static void decode_location(Decoder *d, PbReader *r)
{
	RawLoc l = {0};
	l.offset = pb_offset(r);
	vec_clear(&d->lines);
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		switch (f) {
		case 1: l.id = pb_scalar(r, wt); break;
		case 2: l.mapping = pb_scalar(r, wt); break;
		case 3: l.address = pb_scalar(r, wt); break;
		case 4: {
			if (wt != PB_BYTES) {
				pb_fail(r, "location line is not a message");
				break;
			}
			PbReader lr = pb_bytes(r);
			RawLine ln = {0};
			uint32_t lf;
			PbWireType lwt;
			while (pb_key(&lr, &lf, &lwt)) {
				if (lf == 1) ln.func = pb_scalar(&lr, lwt);
				else if (lf == 2) ln.line = (int64_t)pb_scalar(&lr, lwt);
				else if (lf == 3) ln.column = (int64_t)pb_scalar(&lr, lwt);
				else pb_skip(&lr, lwt);
			}
			vec_push(&d->lines, ln);
			break;
		}
		case 5: l.folded = pb_scalar(r, wt) != 0; break;
		default: pb_skip(r, wt); break;
		}
	}
	if (d->lines.len > UINT32_MAX) {
		pb_fail(r, "location has too many lines");
		return;
	}
	l.nlines = (uint32_t)d->lines.len;
	l.lines = vec_to_arena(d->a, &d->lines);
	vec_push(&d->locs, l);
}

static void decode_function(Decoder *d, PbReader *r)
{
	RawFunc fn = {0};
	fn.offset = pb_offset(r);
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		switch (f) {
		case 1: fn.id = pb_scalar(r, wt); break;
		case 2: fn.name = (int64_t)pb_scalar(r, wt); break;
		case 3: fn.system_name = (int64_t)pb_scalar(r, wt); break;
		case 4: fn.filename = (int64_t)pb_scalar(r, wt); break;
		case 5: fn.start_line = (int64_t)pb_scalar(r, wt); break;
		default: pb_skip(r, wt); break;
		}
	}
	vec_push(&d->funcs, fn);
}

static void decode_mapping(Decoder *d, PbReader *r)
{
	RawMapping m = {0};
	m.offset = pb_offset(r);
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		switch (f) {
		case 1: m.id = pb_scalar(r, wt); break;
		case 2: m.start = pb_scalar(r, wt); break;
		case 3: m.limit = pb_scalar(r, wt); break;
		case 4: m.offset_ = pb_scalar(r, wt); break;
		case 5: m.file = pb_scalar(r, wt); break;
		case 6: m.build_id = pb_scalar(r, wt); break;
		case 7: m.hf = pb_scalar(r, wt) != 0; break;
		case 8: m.hfn = pb_scalar(r, wt) != 0; break;
		case 9: m.hl = pb_scalar(r, wt) != 0; break;
		case 10: m.hi = pb_scalar(r, wt) != 0; break;
		default: pb_skip(r, wt); break;
		}
	}
	vec_push(&d->maps, m);
}

static PbReader sub_message(PbReader *r, PbWireType wt, const char *what)
{
	if (wt != PB_BYTES) {
		char msg[80];
		snprintf(msg, sizeof msg, "%s is not a length-delimited message", what);
		pb_fail(r, msg);
		PbReader empty = *r;
		empty.p = empty.end = r->end;
		return empty;
	}
	return pb_bytes(r);
}

static void decode_profile(Decoder *d, PbReader *r)
{
	uint32_t f;
	PbWireType wt;
	while (pb_key(r, &f, &wt)) {
		switch (f) {
		case 1: {
			PbReader m = sub_message(r, wt, "sample_type");
			int64_t t = 0, u = 0;
			decode_value_type(&m, &t, &u);
			vec_push(&d->type_raw, t);
			vec_push(&d->type_raw, u);
			break;
		}
		case 2: {
			PbReader m = sub_message(r, wt, "sample");
			decode_sample(d, &m);
			break;
		}
		case 3: {
			PbReader m = sub_message(r, wt, "mapping");
			decode_mapping(d, &m);
			break;
		}
		case 4: {
			PbReader m = sub_message(r, wt, "location");
			decode_location(d, &m);
			break;
		}
		case 5: {
			PbReader m = sub_message(r, wt, "function");
			decode_function(d, &m);
			break;
		}
		case 6: {
			PbReader m = sub_message(r, wt, "string_table entry");
			if (!pb_failed(r)) {
				RawStr s = {m.p, (size_t)(m.end - m.p)};
				vec_push(&d->strings, s);
			}
			break;
		}
		case 7: d->drop = (int64_t)pb_scalar(r, wt); break;
		case 8: d->keep = (int64_t)pb_scalar(r, wt); break;
		case 9: d->p->time_nanos = (int64_t)pb_scalar(r, wt); break;
		case 10: d->p->duration_nanos = (int64_t)pb_scalar(r, wt); break;
		case 11: {
			PbReader m = sub_message(r, wt, "period_type");
			decode_value_type(&m, &d->period_type[0], &d->period_type[1]);
			break;
		}
		case 12: d->p->period = (int64_t)pb_scalar(r, wt); break;
		case 13: READ_REPEATED(r, wt, &d->comments); break;
		case 14: d->default_type = (int64_t)pb_scalar(r, wt); break;
		case 15: d->doc_url = (int64_t)pb_scalar(r, wt); break;
		default: pb_skip(r, wt); break;
		}
	}
}

/* ---- resolve pass ---- */

static bool resolve_fail(Decoder *d, const char *fmt, ...) PRINTF_LIKE(2, 3);
static bool resolve_fail(Decoder *d, const char *fmt, ...)
{
	if (d->errmsg)
		return false;
	va_list ap;
	va_start(ap, fmt);
	char buf[256];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	d->errmsg = xstrdup(buf);
	return false;
}

/* The string at index i, copied into the arena (NUL-terminated); NULL on a bad index. */
static const char *str_at(Decoder *d, int64_t i, const char **cache)
{
	if (i < 0 || (uint64_t)i >= d->strings.len)
		return NULL;
	if (!cache[i]) {
		RawStr s = d->strings.data[i];
		cache[i] = arena_strndup(d->a, (const char *)s.p, s.n);
	}
	return cache[i];
}

#define STR(dst, idx, what, off)                                                                         \
	do {                                                                                                 \
		(dst) = str_at(d, (idx), cache);                                                                 \
		if (!(dst)) {                                                                                    \
			resolve_fail(d, "protobuf: byte %zu: %s: string index %lld out of range (table has %zu)",    \
			             (size_t)(off), (what), (long long)(idx), d->strings.len);                       \
			goto out;                                                                                    \
		}                                                                                                \
	} while (0)

/* Id -> index tables: ids up to the number of entries (the usual, dense numbering) go in
 * an array, others in a hash map; both hold index + 1 (0: unknown). Ids are never 0. */
typedef struct IdTable {
	uint32_t *dense;
	size_t n;
	Map sparse;
} IdTable;

static void idt_init(IdTable *t, size_t n)
{
	t->n = n;
	t->dense = xcalloc(n + 1, sizeof *t->dense);
	map_init(&t->sparse);
}

static void idt_free(IdTable *t)
{
	free(t->dense);
	map_free(&t->sparse);
}

/* false when id is already present */
static bool idt_put(IdTable *t, uint64_t id, size_t index)
{
	if (id <= t->n) {
		if (t->dense[id])
			return false;
		t->dense[id] = (uint32_t)(index + 1);
		return true;
	}
	return map_put(&t->sparse, (uintptr_t)id, (void *)(uintptr_t)(index + 1)) == NULL;
}

static inline uint32_t idt_get(const IdTable *t, uint64_t id)
{
	if (id <= t->n)
		return t->dense[id];
	return (uint32_t)(uintptr_t)map_get(&t->sparse, (uintptr_t)id);
}

static bool resolve(Decoder *d)
{
	Profile *p = d->p;
	Arena *a = d->a;
	bool ok = false;
	const char **cache = xcalloc(d->strings.len + 1, sizeof *cache);
	IdTable fmap, lmap, mmap;
	idt_init(&fmap, d->funcs.len);
	idt_init(&lmap, d->locs.len);
	idt_init(&mmap, d->maps.len);
	if (d->strings.len > 0 && d->strings.data[0].n != 0) {
		resolve_fail(d, "protobuf: string_table[0] must be empty");
		goto out;
	}
	if (d->strings.len == 0) {
		resolve_fail(d, "protobuf: no string table: not a pprof profile");
		goto out;
	}

	p->ntypes = d->type_raw.len / 2;
	p->types = ARENA_ARRAY(a, ProfValueType, p->ntypes + 1);
	for (size_t i = 0; i < p->ntypes; i++) {
		STR(p->types[i].type, d->type_raw.data[2 * i], "sample_type", 0);
		STR(p->types[i].unit, d->type_raw.data[2 * i + 1], "sample_type", 0);
	}

	p->nmappings = d->maps.len;
	p->mappings = ARENA_ARRAY(a, ProfMapping, p->nmappings + 1);
	for (size_t i = 0; i < d->maps.len; i++) {
		RawMapping *rm = &d->maps.data[i];
		ProfMapping *m = &p->mappings[i];
		if (rm->id == 0) {
			resolve_fail(d, "protobuf: byte %zu: mapping with reserved id 0", rm->offset);
			goto out;
		}
		if (!idt_put(&mmap, rm->id, i)) {
			resolve_fail(d, "protobuf: byte %zu: two mappings with id %llu", rm->offset, (unsigned long long)rm->id);
			goto out;
		}
		m->id = rm->id;
		m->start = rm->start;
		m->limit = rm->limit;
		m->offset = rm->offset_;
		STR(m->file, (int64_t)rm->file, "mapping filename", rm->offset);
		STR(m->build_id, (int64_t)rm->build_id, "mapping build_id", rm->offset);
		m->has_functions = rm->hf;
		m->has_filenames = rm->hfn;
		m->has_line_numbers = rm->hl;
		m->has_inline_frames = rm->hi;
	}

	p->nfuncs = d->funcs.len;
	p->funcs = ARENA_ARRAY(a, ProfFunction, p->nfuncs + 1);
	for (size_t i = 0; i < d->funcs.len; i++) {
		RawFunc *rf = &d->funcs.data[i];
		ProfFunction *fn = &p->funcs[i];
		if (rf->id == 0) {
			resolve_fail(d, "protobuf: byte %zu: function with reserved id 0", rf->offset);
			goto out;
		}
		if (!idt_put(&fmap, rf->id, i)) {
			resolve_fail(d, "protobuf: byte %zu: two functions with id %llu", rf->offset, (unsigned long long)rf->id);
			goto out;
		}
		fn->id = rf->id;
		STR(fn->name, rf->name, "function name", rf->offset);
		STR(fn->system_name, rf->system_name, "function system_name", rf->offset);
		STR(fn->filename, rf->filename, "function filename", rf->offset);
		fn->start_line = rf->start_line;
	}

	p->nlocs = d->locs.len;
	p->locs = ARENA_ARRAY(a, ProfLocation, p->nlocs + 1);
	for (size_t i = 0; i < d->locs.len; i++) {
		RawLoc *rl = &d->locs.data[i];
		ProfLocation *l = &p->locs[i];
		if (rl->id == 0) {
			resolve_fail(d, "protobuf: byte %zu: location with reserved id 0", rl->offset);
			goto out;
		}
		if (!idt_put(&lmap, rl->id, i)) {
			resolve_fail(d, "protobuf: byte %zu: two locations with id %llu", rl->offset, (unsigned long long)rl->id);
			goto out;
		}
		l->id = rl->id;
		l->address = rl->address;
		l->is_folded = rl->folded;
		l->mapping = PROF_NONE;
		if (rl->mapping) {
			uint32_t mi = idt_get(&mmap, rl->mapping);
			if (!mi) {
				resolve_fail(d, "protobuf: byte %zu: location %llu refers to unknown mapping %llu", rl->offset,
				             (unsigned long long)rl->id, (unsigned long long)rl->mapping);
				goto out;
			}
			l->mapping = (uint32_t)(mi - 1);
		}
		l->nlines = rl->nlines;
		l->lines = ARENA_ARRAY(a, ProfLine, rl->nlines + 1);
		for (uint32_t j = 0; j < rl->nlines; j++) {
			RawLine *rn = &rl->lines[j];
			uint32_t fi = rn->func ? idt_get(&fmap, rn->func) : 0;
			if (!fi) {
				resolve_fail(d, "protobuf: byte %zu: location %llu has a line with unknown function %llu", rl->offset,
				             (unsigned long long)rl->id, (unsigned long long)rn->func);
				goto out;
			}
			l->lines[j].func = (uint32_t)(fi - 1);
			l->lines[j].line = rn->line;
			l->lines[j].column = rn->column;
		}
	}

	if (d->samples.len && !p->ntypes) {
		resolve_fail(d, "protobuf: the profile has samples but no sample types");
		goto out;
	}
	p->nsamples = d->samples.len;
	p->samples = ARENA_ARRAY(a, ProfSample, p->nsamples + 1);
	for (size_t i = 0; i < d->samples.len; i++) {
		RawSample *rs = &d->samples.data[i];
		ProfSample *s = &p->samples[i];
		if (rs->nvalues != p->ntypes) {
			resolve_fail(d, "protobuf: byte %zu: sample has %u values for %zu sample types", rs->offset, rs->nvalues,
			             p->ntypes);
			goto out;
		}
		s->values = rs->values;
		s->nlocs = rs->nlocs;
		s->locs = ARENA_ARRAY(a, uint32_t, rs->nlocs + 1);
		const uint64_t *ids = d->all_locs.data + rs->locs;
		for (uint32_t j = 0; j < rs->nlocs; j++) {
			uint32_t li = ids[j] ? idt_get(&lmap, ids[j]) : 0;
			if (!li) {
				resolve_fail(d, "protobuf: byte %zu: sample refers to unknown location %llu", rs->offset,
				             (unsigned long long)ids[j]);
				goto out;
			}
			s->locs[j] = li - 1;
		}
		s->nlabels = rs->nlabels;
		s->labels = ARENA_ARRAY(a, ProfLabel, rs->nlabels + 1);
		for (uint32_t j = 0; j < rs->nlabels; j++) {
			RawLabel *rl = &d->all_labels.data[rs->labels + j];
			ProfLabel *l = &s->labels[j];
			STR(l->key, rl->key, "label key", rs->offset);
			if (rl->str)
				STR(l->str, rl->str, "label value", rs->offset);
			l->num = rl->num;
			STR(l->unit, rl->unit, "label unit", rs->offset);
		}
	}

	STR(p->period_type.type, d->period_type[0], "period_type", 0);
	STR(p->period_type.unit, d->period_type[1], "period_type", 0);
	STR(p->drop_frames, d->drop, "drop_frames", 0);
	STR(p->keep_frames, d->keep, "keep_frames", 0);
	STR(p->default_sample_type, d->default_type, "default_sample_type", 0);
	STR(p->doc_url, d->doc_url, "doc_url", 0);
	p->ncomments = d->comments.len;
	p->comments = ARENA_ARRAY(a, const char *, p->ncomments + 1);
	for (size_t i = 0; i < d->comments.len; i++)
		STR(p->comments[i], d->comments.data[i], "comment", 0);
	ok = true;
out:
	free(cache);
	idt_free(&fmap);
	idt_free(&lmap);
	idt_free(&mmap);
	return ok;
}

static bool parse_proto(Profile *p, const uint8_t *data, size_t len, char **err)
{
	Decoder d;
	memset(&d, 0, sizeof d);
	d.p = p;
	d.a = &p->arena;
	PbReader r;
	pb_init(&r, data, len, &d.err);
	/* Every location id takes at least one byte: reserving len ids up front avoids the
	 * copies of repeated growth (pages never touched cost nothing). */
	vec_grow_to(&d.all_locs, len / 2 + 16);
	decode_profile(&d, &r);
	bool ok;
	if (d.err.failed) {
		*err = xasprintf("protobuf: byte %zu: %s", d.err.offset, d.err.msg);
		ok = false;
	} else {
		ok = resolve(&d);
		if (!ok)
			*err = d.errmsg;
	}
	vec_free(&d.strings);
	vec_free(&d.type_raw);
	vec_free(&d.samples);
	vec_free(&d.locs);
	vec_free(&d.funcs);
	vec_free(&d.maps);
	vec_free(&d.comments);
	vec_free(&d.all_locs);
	vec_free(&d.all_labels);
	vec_free(&d.i64s);
	vec_free(&d.lines);
	return ok;
}

bool prof_parse(Profile *p, const uint8_t *data, size_t len, const ProfOptions *opt, char **err)
{
	memset(p, 0, sizeof *p);
	arena_init(&p->arena);
	uint64_t cap = opt && opt->max_inflated ? opt->max_inflated : PROF_DEFAULT_MAX_INFLATED;
	uint8_t *inflated = NULL;
	if (gz_is_gzip(data, len)) {
		size_t n;
		if (!gz_inflate(data, len, cap, &inflated, &n, err))
			goto fail;
		data = inflated;
		len = n;
		p->gzipped = true;
	}
	bool ok;
	if (len == 0) {
		*err = xstrdup(p->gzipped ? "empty profile (the gzip stream holds no data)" : "empty file: not a profile");
		ok = false;
	} else if (prof_is_legacy_heap(data, len)) {
		p->format = PROF_FORMAT_LEGACY_HEAP;
		ok = prof_parse_legacy_heap(p, (const char *)data, len, err);
	} else {
		p->format = PROF_FORMAT_PROTO;
		ok = parse_proto(p, data, len, err);
		if (!ok && prof_looks_like_text(data, len)) {
			free(*err);
			*err = xstrdup("not a profile: text that is neither a protobuf profile nor a legacy heap profile "
			               "(expected a first line \"heap profile: ...\")");
		}
	}
	free(inflated);
	if (ok)
		return true;
fail:
	arena_free(&p->arena);
	memset(p, 0, sizeof *p);
	return false;
}

bool prof_read_file(Profile *p, const char *path, const ProfOptions *opt, char **err)
{
	char *text;
	size_t len;
	const char *msg;
	if (base_read_file(path, &text, &len, &msg) != READ_OK) {
		*err = xstrdup(msg);
		return false;
	}
	bool ok = prof_parse(p, (const uint8_t *)text, len, opt, err);
	free(text);
	return ok;
}

void prof_free(Profile *p)
{
	arena_free(&p->arena);
	memset(p, 0, sizeof *p);
}

int prof_type_index(const Profile *p, const char *name)
{
	for (size_t i = 0; i < p->ntypes; i++)
		if (strcmp(p->types[i].type, name) == 0)
			return (int)i;
	return -1;
}

int prof_default_type_index(const Profile *p)
{
	if (p->default_sample_type && *p->default_sample_type) {
		int i = prof_type_index(p, p->default_sample_type);
		if (i >= 0)
			return i;
	}
	return (int)p->ntypes - 1;
}

const char *prof_line_func_name(const Profile *p, const ProfLine *ln)
{
	if (ln && ln->func != PROF_NONE && ln->func < p->nfuncs && p->funcs[ln->func].name[0])
		return p->funcs[ln->func].name;
	return "?";
}
