/*
 * pprof_legacy: the legacy heap text form runtime/pprof writes with debug=1:
 *
 *     heap profile: 33: 13020320 [5894: 14444208] @ heap/2
 *     1: 1048576 [1: 1048576] @ 0x47c985 0x4e1234 ...
 *     #	0x4e1233	main.leakA+0x33	/src/main.go:42
 *
 * Values, sample types and the sampling-rate scaling follow pprof's legacy parser
 * (profile/legacy_profile.go: parseHeap, parseHeapHeader, parseHeapSample,
 * scaleHeapSample): "heap/N" means a sampling rate of N/2 bytes, and each inuse/alloc
 * pair is scaled by 1/(1-exp(-avg/rate)). Locations are the stack addresses minus one,
 * as pprof makes them. pprof leaves the addresses unsymbolized without the binary; here the
 * "#" comment lines the runtime prints under each sample name their frames (one comment
 * per address, at address-1, inlined calls already expanded into fake addresses), so the
 * result has the functions the protobuf form would have. Addresses the runtime left
 * without a comment at either end of a stack (the allocator's own runtime frames and
 * runtime.goexit) are dropped, as the protobuf writer drops them.
 */
#include "pprof_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool prof_is_legacy_heap(const uint8_t *data, size_t len)
{
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return len - i >= 13 && memcmp(data + i, "heap profile:", 13) == 0;
}

bool prof_looks_like_text(const uint8_t *data, size_t len)
{
	size_t n = len < 256 ? len : 256;
	for (size_t i = 0; i < n; i++)
		if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t')
			return false;
	return n > 0;
}

typedef struct Cursor {
	const char *s, *end;
} Cursor;

static void skip_spaces(Cursor *c)
{
	while (c->s < c->end && (*c->s == ' ' || *c->s == '\t'))
		c->s++;
}

static bool lit(Cursor *c, char ch)
{
	if (c->s < c->end && *c->s == ch) {
		c->s++;
		return true;
	}
	return false;
}

/* -?\d+ as an int64; false on no digits or overflow. */
static bool number(Cursor *c, bool allow_neg, int64_t *v)
{
	bool neg = false;
	const char *start = c->s;
	if (allow_neg && c->s < c->end && *c->s == '-') {
		neg = true;
		c->s++;
	}
	if (c->s >= c->end || !isdigit((unsigned char)*c->s)) {
		c->s = start;
		return false;
	}
	uint64_t x = 0;
	bool over = false;
	while (c->s < c->end && isdigit((unsigned char)*c->s)) {
		unsigned dgt = (unsigned)(*c->s++ - '0');
		if (x > (UINT64_MAX - dgt) / 10)
			over = true;
		else
			x = x * 10 + dgt;
	}
	if (over || x > (uint64_t)INT64_MAX + (neg ? 1 : 0))
		return false;
	*v = neg ? (int64_t)(0 - x) : (int64_t)x;
	return true;
}

/* "N: N [N: N]" with the spacing pprof's regular expressions allow. */
static bool four_numbers(Cursor *c, bool allow_neg, int64_t v[4])
{
	if (!number(c, allow_neg, &v[0]) || !lit(c, ':'))
		return false;
	while (lit(c, ' '))
		;
	if (!number(c, allow_neg, &v[1]))
		return false;
	while (lit(c, ' '))
		;
	if (!lit(c, '['))
		return false;
	while (lit(c, ' '))
		;
	if (!number(c, false, &v[2]) || !lit(c, ':'))
		return false;
	while (lit(c, ' '))
		;
	if (!number(c, false, &v[3]))
		return false;
	while (lit(c, ' '))
		;
	return lit(c, ']');
}

/* pprof's scaleHeapSample. */
static void scale_heap(int64_t *count, int64_t *size, int64_t rate)
{
	if (*count == 0 || *size == 0) {
		*count = *size = 0;
		return;
	}
	if (rate <= 1)
		return;
	double avg = (double)*size / (double)*count;
	double scale = 1 / (1 - exp(-avg / (double)rate));
	double c = (double)*count * scale, s = (double)*size * scale;
	/* Go's float-to-int conversion truncates; out of range values are clamped here. */
	*count = c >= 9.2e18 ? INT64_MAX : c <= -9.2e18 ? INT64_MIN : (int64_t)c;
	*size = s >= 9.2e18 ? INT64_MAX : s <= -9.2e18 ? INT64_MIN : (int64_t)s;
}

typedef struct Frame {
	uint64_t pc;
	const char *fn, *file;
	size_t fnlen, filelen;
	int64_t line;
} Frame;

/* "#\t0x4e1233\tmain.leakA+0x33\t/src/main.go:42" (tabs or spaces between fields). */
static bool parse_frame(const char *s, const char *end, Frame *f)
{
	Cursor c = {s, end};
	if (!lit(&c, '#'))
		return false;
	skip_spaces(&c);
	if (end - c.s < 3 || c.s[0] != '0' || c.s[1] != 'x')
		return false;
	char *stop;
	errno = 0;
	unsigned long long pc = strtoull(c.s, &stop, 16);
	if (stop == c.s || stop > end || errno)
		return false;
	c.s = stop;
	f->pc = pc;
	f->fn = f->file = NULL;
	f->fnlen = f->filelen = 0;
	f->line = 0;
	skip_spaces(&c);
	const char *fn = c.s;
	while (c.s < end && *c.s != '\t')
		c.s++;
	const char *fnend = c.s;
	/* strip "+0x..." */
	for (const char *q = fnend; q > fn; q--)
		if (q[-1] == '+' && fnend - q >= 2 && q[0] == '0' && q[1] == 'x') {
			fnend = q - 1;
			break;
		}
	while (fnend > fn && fnend[-1] == ' ')
		fnend--;
	f->fn = fn;
	f->fnlen = (size_t)(fnend - fn);
	skip_spaces(&c);
	const char *file = c.s, *fe = end;
	while (fe > file && (fe[-1] == ' ' || fe[-1] == '\t' || fe[-1] == '\r'))
		fe--;
	const char *colon = NULL;
	for (const char *q = fe; q > file; q--)
		if (q[-1] == ':') {
			colon = q - 1;
			break;
		}
	if (colon) {
		Cursor lc = {colon + 1, fe};
		int64_t ln;
		if (number(&lc, false, &ln) && lc.s == fe) {
			f->line = ln;
			fe = colon;
		}
	}
	f->file = file;
	f->filelen = (size_t)(fe - file);
	return true;
}

typedef struct Legacy {
	Profile *p;
	Arena *a;
	Interner names; /* "func\0file" keys */
	Map func_by_key;  /* Name* -> func index + 1 */
	Map loc_by_addr;  /* address (non-zero) -> loc index + 1 */
	Vec(ProfFunction) funcs;
	Vec(ProfLocation) locs;
	Vec(ProfSample) samples;
	Vec(uint64_t) addrs;
	Vec(Frame) frames;
	Vec(uint32_t) stack;
	Vec(uint8_t) shown;
	Vec(ProfLine) lines;
	uintptr_t zero_loc; /* location for address 0 (0 = none yet; else index + 1) */
} Legacy;

static uint32_t intern_func(Legacy *L, const Frame *f)
{
	char stackbuf[512];
	size_t n = f->fnlen + 1 + f->filelen;
	char *key = n <= sizeof stackbuf ? stackbuf : xmalloc(n);
	memcpy(key, f->fn, f->fnlen);
	key[f->fnlen] = 0;
	memcpy(key + f->fnlen + 1, f->file, f->filelen);
	Name *nm = intern(&L->names, key, n);
	if (key != stackbuf)
		free(key);
	uintptr_t i = (uintptr_t)map_get(&L->func_by_key, (uintptr_t)nm);
	if (i)
		return (uint32_t)(i - 1);
	ProfFunction fn = {0};
	fn.id = L->funcs.len + 1;
	fn.name = arena_strndup(L->a, f->fn, f->fnlen);
	fn.system_name = fn.name;
	fn.filename = arena_strndup(L->a, f->file, f->filelen);
	vec_push(&L->funcs, fn);
	map_put(&L->func_by_key, (uintptr_t)nm, (void *)(uintptr_t)L->funcs.len);
	return (uint32_t)(L->funcs.len - 1);
}

/* The location of address addr (already minus one), created on first sight. Its lines
 * come from the frames fr[0..n) the sample's comments give for it (all at pc == addr);
 * a location first seen without them (a frame the runtime hid in that sample) gets them
 * when a later sample shows the frame. */
static uint32_t location(Legacy *L, uint64_t addr, const Frame *fr, size_t n)
{
	uintptr_t got = addr == 0 ? L->zero_loc : (uintptr_t)map_get(&L->loc_by_addr, (uintptr_t)addr);
	uint32_t li;
	if (got) {
		li = (uint32_t)(got - 1);
		if (L->locs.data[li].nlines > 0)
			return li;
	} else {
		ProfLocation loc = {0};
		loc.id = L->locs.len + 1;
		loc.address = addr;
		loc.mapping = PROF_NONE;
		vec_push(&L->locs, loc);
		if (addr == 0)
			L->zero_loc = (uint32_t)L->locs.len;
		else
			map_put(&L->loc_by_addr, (uintptr_t)addr, (void *)(uintptr_t)L->locs.len);
		li = (uint32_t)(L->locs.len - 1);
	}
	vec_clear(&L->lines);
	for (size_t i = 0; i < n; i++) {
		if (fr[i].fnlen == 0)
			continue; /* "#\t0x..." alone: the runtime knew no name */
		ProfLine ln = {intern_func(L, &fr[i]), fr[i].line, 0};
		vec_push(&L->lines, ln);
	}
	if (L->lines.len) {
		L->locs.data[li].nlines = (uint32_t)L->lines.len;
		L->locs.data[li].lines = vec_to_arena(L->a, &L->lines);
	}
	return li;
}

typedef struct Line {
	const char *s, *end;
	size_t no;
} Line;

static bool next_line(const char **pos, const char *end, Line *ln, size_t *lineno)
{
	if (*pos >= end)
		return false;
	const char *s = *pos;
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	const char *e = nl ? nl : end;
	*pos = nl ? nl + 1 : end;
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	ln->s = s;
	ln->end = e;
	ln->no = ++*lineno;
	return true;
}

static bool contains(const char *s, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; (size_t)(end - s) >= n; s++)
		if (memcmp(s, needle, n) == 0)
			return true;
	return false;
}

/* Finishes the pending sample: matches its addresses with the comment frames that follow
 * it (in stack order, each address's frames at address-1) and drops the addresses the
 * runtime did not show at either end of the stack. Linear in the stack's size. */
static void flush_sample(Legacy *L, ProfSample *pending, bool *have)
{
	if (!*have)
		return;
	*have = false;
	vec_clear(&L->stack);
	vec_clear(&L->shown);
	size_t j = 0, nf = L->frames.len;
	const Frame *fr = L->frames.data;
	for (size_t i = 0; i < L->addrs.len; i++) {
		uint64_t a = L->addrs.data[i];
		size_t k = j;
		while (k < nf && fr[k].pc == a)
			k++;
		vec_push(&L->stack, location(L, a, k > j ? fr + j : NULL, k - j));
		vec_push(&L->shown, (uint8_t)(k > j));
		j = k;
	}
	size_t lo = 0, hi = L->stack.len;
	if (nf > 0) {
		while (lo < hi && !L->shown.data[lo])
			lo++;
		while (hi > lo && !L->shown.data[hi - 1])
			hi--;
	}
	pending->nlocs = (uint32_t)(hi - lo);
	pending->locs = hi > lo ? arena_memdup(L->a, L->stack.data + lo, (hi - lo) * sizeof(uint32_t)) : NULL;
	vec_push(&L->samples, *pending);
	vec_clear(&L->frames);
}

bool prof_parse_legacy_heap(Profile *p, const char *text, size_t len, char **err)
{
	Legacy L;
	memset(&L, 0, sizeof L);
	L.p = p;
	L.a = &p->arena;
	intern_init(&L.names);
	map_init(&L.func_by_key);
	map_init(&L.loc_by_addr);
	bool ok = false;
	const char *pos = text, *end = text + len;
	size_t lineno = 0;
	Line ln;
	while (next_line(&pos, end, &ln, &lineno) && ln.s == ln.end)
		;
	/* Header: heap profile: N: N [N: N] @ heap[_a-z0-9]*[/N] */
	Cursor c = {ln.s, ln.end};
	int64_t h[4];
	c.s += 13; /* "heap profile:" (checked by the caller) */
	while (lit(&c, ' '))
		;
	if (!four_numbers(&c, false, h)) {
		*err = xasprintf("line %zu: malformed heap profile header", ln.no);
		goto out;
	}
	while (lit(&c, ' '))
		;
	if (!lit(&c, '@')) {
		*err = xasprintf("line %zu: malformed heap profile header (no '@')", ln.no);
		goto out;
	}
	while (lit(&c, ' '))
		;
	const char *kind = c.s;
	if (c.end - c.s < 4 || memcmp(c.s, "heap", 4) != 0) {
		if (contains(c.s, c.end, "growth") || contains(c.s, c.end, "fragmentation")) {
			p->period = 1;
			kind = NULL;
		} else {
			*err = xasprintf("line %zu: unsupported heap profile kind (want heap, heap_v2 or heapprofile)", ln.no);
			goto out;
		}
	}
	bool v2 = false;
	if (kind) {
		c.s += 4;
		while (c.s < c.end && (islower((unsigned char)*c.s) || isdigit((unsigned char)*c.s) || *c.s == '_'))
			c.s++;
		size_t klen = (size_t)(c.s - kind);
		int64_t period = 0;
		if (lit(&c, '/')) {
			if (c.s < c.end && isdigit((unsigned char)*c.s) && !number(&c, false, &period)) {
				*err = xasprintf("line %zu: sampling period out of range", ln.no);
				goto out;
			}
		}
		if ((klen == 8 && memcmp(kind, "heapz_v2", 8) == 0) || (klen == 7 && memcmp(kind, "heap_v2", 7) == 0)) {
			v2 = true;
			p->period = period;
		} else if (klen == 11 && memcmp(kind, "heapprofile", 11) == 0) {
			p->period = 1;
		} else if (klen == 4) {
			v2 = true;
			p->period = period / 2;
		} else {
			*err = xasprintf("line %zu: unsupported heap profile kind '%.*s'", ln.no, (int)klen, kind);
			goto out;
		}
	}
	bool has_alloc = (h[2] != h[0] && h[2] != 0) || (h[3] != h[1] && h[3] != 0);
	p->period_type.type = "space";
	p->period_type.unit = "bytes";
	if (has_alloc) {
		static const char *const names[4][2] = {
		    {"alloc_objects", "count"}, {"alloc_space", "bytes"}, {"inuse_objects", "count"}, {"inuse_space", "bytes"}};
		p->ntypes = 4;
		p->types = ARENA_ARRAY(L.a, ProfValueType, 4);
		for (int i = 0; i < 4; i++)
			p->types[i] = (ProfValueType){names[i][0], names[i][1]};
	} else {
		p->ntypes = 2;
		p->types = ARENA_ARRAY(L.a, ProfValueType, 2);
		p->types[0] = (ProfValueType){"objects", "count"};
		p->types[1] = (ProfValueType){"space", "bytes"};
	}

	ProfSample pending = {0};
	bool have = false;
	while (next_line(&pos, end, &ln, &lineno)) {
		if (ln.s == ln.end)
			continue;
		if (ln.s[0] == '#') {
			Frame f;
			if (have && parse_frame(ln.s, ln.end, &f))
				vec_push(&L.frames, f);
			continue;
		}
		if (contains(ln.s, ln.end, "--- Memory map: ---") || contains(ln.s, ln.end, "MAPPED_LIBRARIES:"))
			break;
		flush_sample(&L, &pending, &have);
		/* (-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *] @([ x0-9a-f]*) */
		Cursor sc = {ln.s, ln.end};
		int64_t v[4];
		if (!four_numbers(&sc, true, v) || (skip_spaces(&sc), !lit(&sc, '@'))) {
			*err = xasprintf("line %zu: malformed heap sample (want \"N: N [N: N] @ 0x...\")", ln.no);
			goto out;
		}
		int64_t pairs[2][2] = {{v[2], v[3]}, {v[0], v[1]}}; /* alloc, inuse */
		const char *label[2] = {"allocation", "inuse"};
		int64_t blocksize = 0;
		int64_t *vals = ARENA_ARRAY(L.a, int64_t, 4);
		int nv = 0;
		for (int k = has_alloc ? 0 : 1; k < 2; k++) {
			int64_t count = pairs[k][0], size = pairs[k][1];
			if (count == 0 && size != 0) {
				*err = xasprintf("line %zu: %s count was 0 but %s bytes was %lld", ln.no, label[k], label[k],
				                 (long long)size);
				goto out;
			}
			if (count != 0) {
				/* Go's division wraps INT64_MIN / -1 to INT64_MIN; C's would overflow. */
				blocksize = (count == -1 && size == INT64_MIN) ? INT64_MIN : size / count;
				if (v2)
					scale_heap(&count, &size, p->period);
			}
			vals[nv++] = count;
			vals[nv++] = size;
		}
		vec_clear(&L.addrs);
		for (;;) {
			while (lit(&sc, ' '))
				;
			if (sc.s >= sc.end)
				break;
			if (sc.end - sc.s < 3 || sc.s[0] != '0' || sc.s[1] != 'x' || !isxdigit((unsigned char)sc.s[2])) {
				*err = xasprintf("line %zu: malformed address in heap sample", ln.no);
				goto out;
			}
			uint64_t a = 0;
			int digits = 0;
			sc.s += 2;
			while (sc.s < sc.end && isxdigit((unsigned char)*sc.s)) {
				if (++digits > 16) {
					*err = xasprintf("line %zu: address out of range in heap sample", ln.no);
					goto out;
				}
				int ch = tolower((unsigned char)*sc.s++);
				a = a << 4 | (uint64_t)(isdigit(ch) ? ch - '0' : ch - 'a' + 10);
			}
			if (sc.s < sc.end && *sc.s != ' ') {
				*err = xasprintf("line %zu: malformed address in heap sample", ln.no);
				goto out;
			}
			vec_push(&L.addrs, a - 1); /* return address -> call */
		}
		memset(&pending, 0, sizeof pending);
		pending.values = vals;
		pending.nlabels = 1;
		pending.labels = ARENA_NEW(L.a, ProfLabel);
		pending.labels[0] = (ProfLabel){"bytes", NULL, blocksize, ""};
		have = true;
	}
	flush_sample(&L, &pending, &have);

	p->nfuncs = L.funcs.len;
	p->funcs = vec_to_arena(L.a, &L.funcs);
	p->nlocs = L.locs.len;
	p->locs = vec_to_arena(L.a, &L.locs);
	p->nsamples = L.samples.len;
	p->samples = vec_to_arena(L.a, &L.samples);
	p->default_sample_type = "";
	p->drop_frames = p->keep_frames = p->doc_url = "";
	ok = true;
out:
	intern_free(&L.names);
	map_free(&L.func_by_key);
	map_free(&L.loc_by_addr);
	vec_free(&L.funcs);
	vec_free(&L.locs);
	vec_free(&L.samples);
	vec_free(&L.addrs);
	vec_free(&L.frames);
	vec_free(&L.stack);
	vec_free(&L.shown);
	vec_free(&L.lines);
	return ok;
}
