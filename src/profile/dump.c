/*
 * dump: the goroutine-dump parser and the buckets it fills (see gdump.h).
 *
 * The text forms are read line by line by a small state machine:
 *
 *   NONE    between goroutines: a "goroutine N [state]:" header opens one, a debug=1 record
 *           "COUNT @ 0x..." opens a record, anything else (panic messages, registers, the
 *           program's own output) is skipped;
 *   G       inside a goroutine: "func(args)" lines, each followed by "\tfile:line +0xoff"
 *           (FILE state), "created by F" (CREATED state, then its file line), elision marks;
 *           a blank line or the next header ends the goroutine; any other line is foreign
 *           output mixed into the dump (a program's own logging) and is skipped;
 *   ANCESTOR the frames of "[originating from goroutine N]:" (tracebackancestors): skipped;
 *   D1      inside a debug=1 record: "#\tpc\tfunc+off\tfile:line" frames until a blank line.
 *
 * The goroutine being read lives in a scratch buffer reused for every goroutine; when it ends
 * it is hashed and counted into its bucket, and only a new bucket copies its frames (with
 * interned names). Memory is thus bounded by the distinct stacks, not by the input.
 * A goroutine deeper than MAX_FRAMES frames keeps its first MAX_FRAMES (Go prints at most
 * 100 anyway) and a warning says so.
 */
#include "profile/gdump.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_FRAMES = 1024, MAX_WARNS = 50, MAX_STATE = 256 };

typedef struct CFrame {
	uint32_t fo, fn;   /* function: offset and length in scratch */
	uint32_t lo, ln;   /* file */
	uint32_t line;
	bool has_file;
} CFrame;

typedef enum { ST_NONE, ST_G, ST_FILE, ST_CREATED, ST_ANCESTOR, ST_D1 } PState;

struct GdDump {
	GdOptions opt;
	Interner names;
	Arena arena;
	Map table;              /* hash -> first GdBucket of its chain */
	Vec(GdBucket *) buckets;
	uint64_t total, declared, lineno, foreign;
	GdForm form;
	bool leak_profile;      /* "goroutineleak profile": every goroutine in it is leaked */
	Vec(GdWarn) warns;
	uint64_t warns_dropped;
	bool warned_deep;

	/* the goroutine (or debug=1 record) being read */
	PState st;
	uint64_t goid, line_of_g;
	char state[MAX_STATE];
	size_t state_len;
	bool leaked, has_wait;
	uint64_t wait;
	Vec(char) scratch;
	Vec(CFrame) frames;
	CFrame pending;         /* a function line waiting for its file line */
	bool has_creator;
	CFrame creator;
	uint64_t creator_goid;
	uint64_t d1_count, d1_firstpc;
	bool d1_first_frame_seen, d1_hidden_top;
};

/* ---- small helpers ---- */

static bool starts(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(s, p, k) == 0;
}

static bool ends(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* Parses a decimal number at s[*i..n); false when there is no digit or it overflows. */
static bool parse_u64(const char *s, size_t n, size_t *i, uint64_t *v)
{
	size_t j = *i;
	uint64_t x = 0;
	while (j < n && s[j] >= '0' && s[j] <= '9') {
		if (x > (UINT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (uint64_t)(s[j] - '0');
		j++;
	}
	if (j == *i)
		return false;
	*i = j;
	*v = x;
	return true;
}

static bool parse_hex(const char *s, size_t n, size_t *i, uint64_t *v)
{
	size_t j = *i;
	if (j + 2 > n || s[j] != '0' || (s[j + 1] != 'x' && s[j + 1] != 'X'))
		return false;
	j += 2;
	uint64_t x = 0;
	size_t start = j;
	while (j < n) {
		char c = s[j];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			break;
		x = (x << 4) | (uint64_t)d;
		j++;
	}
	if (j == start)
		return false;
	*i = j;
	*v = x;
	return true;
}

static void warn(GdDump *d, uint64_t line, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void warn(GdDump *d, uint64_t line, const char *fmt, ...)
{
	if (d->warns.len >= MAX_WARNS) {
		d->warns_dropped++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	GdWarn w = {line, xstrdup(buf)};
	vec_push(&d->warns, w);
}

static uint32_t scratch_add(GdDump *d, const char *s, size_t n)
{
	uint32_t off = (uint32_t)d->scratch.len;
	if (n == 0)
		return off;
	vec_grow_to(&d->scratch, d->scratch.len + n);
	memcpy(d->scratch.data + d->scratch.len, s, n);
	d->scratch.len += n;
	return off;
}

/* ---- life cycle ---- */

GdDump *gd_new(const GdOptions *opt)
{
	GdDump *d = xcalloc(1, sizeof *d);
	d->opt = *opt;
	intern_init(&d->names);
	arena_init(&d->arena);
	map_init(&d->table);
	vec_grow_to(&d->scratch, 4096); /* never NULL: empty pieces still point into it */
	return d;
}

void gd_free(GdDump *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->warns.len; i++)
		free(d->warns.data[i].msg);
	vec_free(&d->warns);
	vec_free(&d->buckets);
	vec_free(&d->scratch);
	vec_free(&d->frames);
	map_free(&d->table);
	arena_free(&d->arena);
	intern_free(&d->names);
	free(d);
}

const Name *gd_intern(GdDump *d, const char *s, size_t n) { return intern(&d->names, s, n); }
void gd_set_form(GdDump *d, GdForm form) { d->form = form; }
uint64_t gd_total(const GdDump *d) { return d->total; }
uint64_t gd_declared(const GdDump *d) { return d->declared; }
GdForm gd_form(const GdDump *d) { return d->form; }
size_t gd_nbuckets(const GdDump *d) { return d->buckets.len; }
GdBucket *gd_bucket(const GdDump *d, size_t i) { return d->buckets.data[i]; }
size_t gd_nwarns(const GdDump *d) { return d->warns.len; }
const GdWarn *gd_warn(const GdDump *d, size_t i) { return &d->warns.data[i]; }

const char *gd_form_name(GdForm f)
{
	switch (f) {
	case GD_FORM_UNKNOWN: return "unknown";
	case GD_FORM_TRACEBACK: return "debug=2";
	case GD_FORM_DEBUG1: return "debug=1";
	case GD_FORM_PROTO: return "debug=0";
	}
	return "unknown";
}

/* ---- buckets ---- */

static inline uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t fnv_u32(uint64_t h, uint32_t v) { return fnv(h, &v, sizeof v); }

/* A bucket key made of interned-or-scratch pieces: compared and hashed the same way. */
typedef struct Piece {
	const char *s;
	size_t n;
} Piece;

typedef struct KeyFrame {
	Piece func, file;
	uint32_t line;
	bool has_file;
} KeyFrame;

static uint64_t hash_key(Piece state, bool leaked, const KeyFrame *fr, size_t n, const KeyFrame *creator)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv(h, state.s, state.n);
	h = fnv_u32(h, leaked ? 0x1eaced : 0x5a5a);
	for (size_t i = 0; i < n; i++) {
		h = fnv(h, fr[i].func.s, fr[i].func.n);
		h = fnv(h, "\0", 1);
		if (fr[i].has_file)
			h = fnv(h, fr[i].file.s, fr[i].file.n);
		h = fnv_u32(h, fr[i].line);
	}
	h = fnv(h, "\1", 1);
	if (creator) {
		h = fnv(h, creator->func.s, creator->func.n);
		h = fnv(h, creator->file.s, creator->file.n);
		h = fnv_u32(h, creator->line);
	}
	return h ? h : 1;
}

static bool name_eq(const Name *nm, Piece p)
{
	if (!nm)
		return false;
	return nm->len == p.n && memcmp(nm->s, p.s, p.n) == 0;
}

static bool frame_eq(const GdFrame *f, const KeyFrame *k)
{
	if (!name_eq(f->func, k->func) || f->line != k->line)
		return false;
	if (!k->has_file)
		return f->file == NULL;
	return name_eq(f->file, k->file);
}

static bool bucket_matches(const GdBucket *b, Piece state, bool leaked, const KeyFrame *fr, size_t n,
                           const KeyFrame *creator)
{
	if (b->leaked != leaked || b->nframes != n)
		return false;
	if (state.n == 0 ? b->state != NULL : !name_eq(b->state, state))
		return false;
	if ((creator != NULL) != b->has_creator)
		return false;
	if (creator && !frame_eq(&b->creator, creator))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!frame_eq(&b->frames[i], &fr[i]))
			return false;
	return true;
}

static GdFrame make_frame(GdDump *d, const KeyFrame *k)
{
	GdFrame f = {intern(&d->names, k->func.s, k->func.n), k->has_file ? intern(&d->names, k->file.s, k->file.n) : NULL,
	             k->line};
	return f;
}

/* Counts count goroutines into the bucket of this key, making it when new. */
static GdBucket *count_into(GdDump *d, uint64_t count, Piece state, bool inferred, bool leaked, const KeyFrame *fr,
                            size_t n, const KeyFrame *creator)
{
	uint64_t h = hash_key(state, leaked, fr, n, creator);
	GdBucket *head = map_get(&d->table, (uintptr_t)h);
	GdBucket *b = head;
	while (b && !(b->hash == h && bucket_matches(b, state, leaked, fr, n, creator)))
		b = b->next;
	if (!b) {
		b = ARENA_NEW(&d->arena, GdBucket);
		b->hash = h;
		b->next = head;
		map_put(&d->table, (uintptr_t)h, b);
		b->state = state.n ? intern(&d->names, state.s, state.n) : NULL;
		b->state_inferred = inferred;
		b->leaked = leaked;
		b->nframes = (uint32_t)n;
		b->frames = n ? ARENA_ARRAY(&d->arena, GdFrame, n) : NULL;
		for (size_t i = 0; i < n; i++)
			b->frames[i] = make_frame(d, &fr[i]);
		if (creator) {
			b->has_creator = true;
			b->creator = make_frame(d, creator);
		}
		b->wait_min = UINT64_MAX;
		vec_push(&d->buckets, b);
	}
	b->count += count;
	d->total += count;
	return b;
}

void gd_add_stack(GdDump *d, uint64_t count, const GdFrame *frames, size_t n, bool leaked)
{
	if (n > MAX_FRAMES)
		n = MAX_FRAMES;
	KeyFrame kf[64];
	KeyFrame *fr = n <= 64 ? kf : xmalloc(n * sizeof *fr);
	for (size_t i = 0; i < n; i++) {
		fr[i].func = (Piece){frames[i].func ? frames[i].func->s : "?", frames[i].func ? frames[i].func->len : 1};
		fr[i].has_file = frames[i].file != NULL;
		fr[i].file = fr[i].has_file ? (Piece){frames[i].file->s, frames[i].file->len} : (Piece){"", 0};
		fr[i].line = frames[i].line;
	}
	const char *st = gd_infer_state(frames, n, false);
	Piece state = {st ? st : "", st ? strlen(st) : 0};
	/* Show the stack as debug=1 does (runtime/pprof printStackRecord): without runtime.goexit
	 * and without the runtime frames on top, unless that leaves nothing. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(fr[i].func.s, "runtime.goexit") != 0)
			fr[m++] = fr[i];
	size_t top = 0;
	while (top < m && (strncmp(fr[top].func.s, "runtime.", 8) == 0 || strncmp(fr[top].func.s, "internal/runtime/", 17) == 0))
		top++;
	if (top == m)
		top = 0;
	count_into(d, count, state, st != NULL, leaked || d->leak_profile, fr + top, m - top, NULL);
	if (fr != kf)
		free(fr);
}

/* ---- state inference for the forms without a state ---- */

const char *gd_infer_state(const GdFrame *frames, size_t n, bool hidden_top)
{
	static const struct { const char *func; const char *state; } table[] = {
	    {"runtime.chanrecv1", "chan receive"},
	    {"runtime.chanrecv2", "chan receive"},
	    {"runtime.chanrecv", "chan receive"},
	    {"runtime.chansend1", "chan send"},
	    {"runtime.chansend", "chan send"},
	    {"runtime.selectgo", "select"},
	    {"runtime.block", "select (no cases)"},
	    {"internal/sync.runtime_SemacquireMutex", "sync.Mutex.Lock"},
	    {"sync.runtime_SemacquireMutex", "sync.Mutex.Lock"},
	    {"internal/sync.(*Mutex).lockSlow", "sync.Mutex.Lock"},
	    {"internal/sync.(*Mutex).Lock", "sync.Mutex.Lock"},
	    {"sync.(*Mutex).lockSlow", "sync.Mutex.Lock"},
	    {"sync.(*Mutex).Lock", "sync.Mutex.Lock"},
	    {"sync.runtime_SemacquireRWMutexR", "sync.RWMutex.RLock"},
	    {"sync.(*RWMutex).RLock", "sync.RWMutex.RLock"},
	    {"sync.runtime_SemacquireRWMutex", "sync.RWMutex.Lock"},
	    {"sync.(*RWMutex).Lock", "sync.RWMutex.Lock"},
	    {"sync.runtime_SemacquireWaitGroup", "sync.WaitGroup.Wait"},
	    {"sync.(*WaitGroup).Wait", "sync.WaitGroup.Wait"},
	    {"sync.runtime_notifyListWait", "sync.Cond.Wait"},
	    {"sync.(*Cond).Wait", "sync.Cond.Wait"},
	    {"sync.runtime_Semacquire", "semacquire"},
	    {"time.Sleep", "sleep"},
	    {"internal/poll.runtime_pollWait", "IO wait"},
	    {"runtime.gcBgMarkWorker", "GC worker (idle)"},
	    {"runtime.bgsweep", "GC sweep wait"},
	    {"runtime.bgscavenge", "GC scavenge wait"},
	    {"runtime.runfinq", "finalizer wait"},
	    {"runtime.forcegchelper", "force gc (idle)"},
	    {"os/signal.signal_recv", "signal wait"},
	};
	/* "semacquire" is what the generic semaphore says; a caller further down (WaitGroup.Wait
	 * in Go before 1.20) may say more */
	const char *fallback = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *f = frames[i].func ? frames[i].func->s : "";
		for (size_t j = 0; j < ARRAY_LEN(table); j++)
			if (strcmp(f, table[j].func) == 0) {
				if (strcmp(table[j].state, "semacquire") != 0)
					return table[j].state;
				fallback = table[j].state;
			}
		if (strncmp(f, "syscall.", 8) == 0 || strncmp(f, "internal/runtime/syscall.", 25) == 0)
			return "syscall";
		/* Only the frames the goroutine is parked in tell its state: stop at the first frame
		 * outside the runtime and the packages that park on its behalf. */
		bool parking = strncmp(f, "runtime.", 8) == 0 || strncmp(f, "sync.", 5) == 0 ||
		               strncmp(f, "internal/", 9) == 0 || strncmp(f, "time.", 5) == 0;
		if (!parking)
			break;
	}
	if (fallback)
		return fallback;
	return hidden_top ? "waiting" : NULL;
}

/* ---- the goroutine being read ---- */

static void cur_reset(GdDump *d)
{
	d->state_len = 0;
	d->leaked = d->has_wait = false;
	d->wait = 0;
	d->goid = 0;
	vec_clear(&d->scratch);
	vec_clear(&d->frames);
	d->has_creator = false;
	d->creator_goid = 0;
	d->d1_count = 0;
	d->d1_firstpc = 0;
	d->d1_first_frame_seen = d->d1_hidden_top = false;
}

static KeyFrame key_of(GdDump *d, const CFrame *c)
{
	KeyFrame k = {{d->scratch.data + c->fo, c->fn}, {d->scratch.data + c->lo, c->ln}, c->line, c->has_file};
	return k;
}

/* Ends the goroutine or debug=1 record being read and counts it. */
static void commit(GdDump *d)
{
	PState st = d->st;
	d->st = ST_NONE;
	switch (st) {
	case ST_NONE:
		return;
	case ST_G:
	case ST_FILE:
	case ST_CREATED:
	case ST_ANCESTOR:
	case ST_D1:
		break;
	}
	size_t n = d->frames.len;
	KeyFrame stackbuf[64];
	KeyFrame *fr = n <= 64 ? stackbuf : xmalloc(n * sizeof *fr);
	for (size_t i = 0; i < n; i++)
		fr[i] = key_of(d, &d->frames.data[i]);
	KeyFrame cr;
	if (d->has_creator)
		cr = key_of(d, &d->creator);
	Piece state = {d->state, d->state_len};
	bool inferred = false;
	uint64_t count = 1;
	if (st == ST_D1) {
		count = d->d1_count;
		/* infer the state from the frames: build temporary GdFrames from interned names */
		GdFrame tmp[8];
		size_t m = n < 8 ? n : 8;
		for (size_t i = 0; i < m; i++)
			tmp[i] = make_frame(d, &fr[i]);
		const char *s = gd_infer_state(tmp, m, d->d1_hidden_top);
		if (s) {
			state = (Piece){s, strlen(s)};
			inferred = true;
		}
	}
	bool leaked = d->leaked || d->leak_profile;
	GdBucket *b = count_into(d, count, state, inferred, leaked, fr, n, d->has_creator ? &cr : NULL);
	if (d->has_wait) {
		b->has_wait = true;
		if (d->wait > b->wait_max)
			b->wait_max = d->wait;
		if (d->wait < b->wait_min)
			b->wait_min = d->wait;
	}
	if (st != ST_D1 && (b->first_id == 0 || d->goid < b->first_id))
		b->first_id = d->goid;
	if (d->has_creator && !b->creator_goid)
		b->creator_goid = d->creator_goid;
	if (fr != stackbuf)
		free(fr);
	cur_reset(d);
}

static bool add_frame(GdDump *d, const CFrame *f)
{
	if (d->frames.len >= MAX_FRAMES) {
		if (!d->warned_deep) {
			d->warned_deep = true;
			warn(d, d->lineno, "goroutine %llu has more than %d frames; the rest are ignored",
			     (unsigned long long)d->goid, MAX_FRAMES);
		}
		return false;
	}
	vec_push(&d->frames, *f);
	return true;
}

/* ---- line forms ---- */

/* "goroutine 7 [chan receive, 3 minutes]:" (also "goroutine 7 gp=0x.. m=nil [..]:"). */
static bool parse_header(GdDump *d, const char *s, size_t n)
{
	if (!starts(s, n, "goroutine ") || !ends(s, n, "]:"))
		return false;
	size_t i = 10;
	uint64_t id;
	if (!parse_u64(s, n, &i, &id))
		return false;
	const char *lb = memchr(s + i, '[', n - i);
	if (!lb)
		return false;
	commit(d);
	cur_reset(d);
	d->st = ST_G;
	d->goid = id;
	d->line_of_g = d->lineno;
	if (d->form == GD_FORM_UNKNOWN)
		d->form = GD_FORM_TRACEBACK;
	const char *c = lb + 1;
	size_t cn = (size_t)(s + n - 2 - c);
	/* " labels:{...}" comes last and may hold anything: cut it off first */
	const char *lab = memmem(c, cn, " labels:{", 9);
	if (lab)
		cn = (size_t)(lab - c);
	/* state, then ", N minutes", ", locked to thread", ", synctest bubble N" */
	size_t sn = cn;
	for (size_t k = 0; k + 1 < cn; k++)
		if (c[k] == ',' && c[k + 1] == ' ') {
			sn = k;
			break;
		}
	size_t k = sn;
	while (k + 2 < cn) {
		size_t j = k + 2, e = j;
		while (e + 1 < cn && !(c[e] == ',' && c[e + 1] == ' '))
			e++;
		if (e + 1 >= cn)
			e = cn;
		uint64_t mins;
		size_t p = j;
		if (parse_u64(c, e, &p, &mins) && (starts(c + p, e - p, " minutes") || starts(c + p, e - p, " minute"))) {
			d->has_wait = true;
			d->wait = mins;
		}
		k = e;
	}
	/* markers inside the state: " (leaked)" (1.26 leak detector), " (scan)" (transient) */
	char st[MAX_STATE];
	size_t stn = 0;
	for (size_t j = 0; j < sn && stn < sizeof st - 1;) {
		if (sn - j >= 9 && memcmp(c + j, " (leaked)", 9) == 0) {
			d->leaked = true;
			j += 9;
			continue;
		}
		if (sn - j >= 7 && memcmp(c + j, " (scan)", 7) == 0) {
			j += 7;
			continue;
		}
		st[stn++] = c[j++];
	}
	memcpy(d->state, st, stn);
	d->state_len = stn;
	return true;
}

/* "\tfile:line +0x1c fp=.. sp=.. pc=..": the file and line, false when not that form. */
static bool parse_fileline(const char *s, size_t n, const char **file, size_t *fn, uint32_t *line)
{
	if (n < 2 || s[0] != '\t')
		return false;
	s++, n--;
	/* cut " fp=..." and " +0x..." */
	const char *fp = memmem(s, n, " fp=", 4);
	if (fp)
		n = (size_t)(fp - s);
	for (size_t k = n; k-- > 0;)
		if (s[k] == ' ' && k + 3 <= n && s[k + 1] == '+' && s[k + 2] == '0') {
			n = k;
			break;
		}
	size_t colon = n;
	while (colon > 0 && s[colon - 1] >= '0' && s[colon - 1] <= '9')
		colon--;
	if (colon == n || colon == 0 || s[colon - 1] != ':')
		return false;
	uint64_t ln;
	size_t p = colon;
	if (!parse_u64(s, n, &p, &ln) || ln > UINT32_MAX)
		return false;
	*file = s;
	*fn = colon - 1;
	*line = (uint32_t)ln;
	return true;
}

/* "pkg.(*T).f[...](0x1, {0x2, 0x3}, ...)": the function name, false when not that form. */
static bool parse_funcline(const char *s, size_t n, size_t *fnlen)
{
	if (n < 3 || s[n - 1] != ')' || s[0] == '\t' || s[0] == ' ')
		return false;
	int depth = 0;
	for (size_t k = n; k-- > 0;) {
		if (s[k] == ')')
			depth++;
		else if (s[k] == '(' && --depth == 0) {
			if (k == 0)
				return false;
			/* a Go function name: no spaces, package-qualified (or the runtime's "panic") */
			if (memchr(s, ' ', k) || (!memchr(s, '.', k) && !(k == 5 && memcmp(s, "panic", 5) == 0)))
				return false;
			*fnlen = k;
			return true;
		}
	}
	return false;
}

/* debug=1 "137 @ 0x47fb2e 0x415a2e ..." */
static bool parse_d1_record(GdDump *d, const char *s, size_t n)
{
	size_t i = 0;
	uint64_t cnt;
	if (!parse_u64(s, n, &i, &cnt) || !starts(s + i, n - i, " @"))
		return false;
	i += 2;
	uint64_t pc = 0;
	if (i < n && s[i] == ' ') {
		size_t j = i + 1;
		if (!parse_hex(s, n, &j, &pc))
			return false;
	}
	commit(d);
	cur_reset(d);
	d->st = ST_D1;
	d->d1_count = cnt;
	d->d1_firstpc = pc;
	d->line_of_g = d->lineno;
	if (d->form == GD_FORM_UNKNOWN || d->form == GD_FORM_TRACEBACK)
		d->form = GD_FORM_DEBUG1;
	return true;
}

/* debug=1 frame "#\t0x4e22fb\tpkg.f+0x1b\t\t/path/file.go:20" (tabwriter may double tabs). */
static void parse_d1_frame(GdDump *d, const char *s, size_t n)
{
	const char *tok[4];
	size_t tn[4];
	size_t nt = 0, i = 1;
	while (i < n && nt < 4) {
		while (i < n && s[i] == '\t')
			i++;
		if (i >= n)
			break;
		size_t j = i;
		while (j < n && s[j] != '\t')
			j++;
		tok[nt] = s + i;
		tn[nt] = j - i;
		nt++;
		i = j;
	}
	if (nt == 0)
		return;
	uint64_t pc = 0;
	size_t p = 0;
	parse_hex(tok[0], tn[0], &p, &pc);
	if (!d->d1_first_frame_seen) {
		d->d1_first_frame_seen = true;
		d->d1_hidden_top = pc + 1 != d->d1_firstpc;
	}
	CFrame f = {0};
	if (nt >= 2) {
		size_t fl = tn[1];
		for (size_t k = tn[1]; k-- > 0;)
			if (tok[1][k] == '+') {
				fl = k;
				break;
			}
		f.fo = scratch_add(d, tok[1], fl);
		f.fn = (uint32_t)fl;
	} else {
		f.fo = scratch_add(d, "?", 1);
		f.fn = 1;
	}
	if (nt >= 3) {
		size_t colon = tn[2];
		while (colon > 0 && tok[2][colon - 1] != ':')
			colon--;
		uint64_t ln = 0;
		size_t q = colon;
		if (colon > 0 && parse_u64(tok[2], tn[2], &q, &ln) && ln <= UINT32_MAX) {
			f.lo = scratch_add(d, tok[2], colon - 1);
			f.ln = (uint32_t)(colon - 1);
			f.line = (uint32_t)ln;
			f.has_file = true;
		}
	}
	add_frame(d, &f);
}

static void top_level(GdDump *d, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (parse_header(d, s, n))
		return;
	if (starts(s, n, "goroutine profile: total ") || starts(s, n, "goroutineleak profile: total ")) {
		size_t i = s[9] == 'l' ? 29 : 25;
		uint64_t v;
		if (parse_u64(s, n, &i, &v))
			d->declared += v;
		if (s[9] == 'l')
			d->leak_profile = true;
		if (d->form == GD_FORM_UNKNOWN)
			d->form = GD_FORM_DEBUG1;
		return;
	}
	if (s[0] >= '0' && s[0] <= '9' && parse_d1_record(d, s, n))
		return;
	d->foreign++;
}

void gd_feed_line(GdDump *d, const char *s, size_t n)
{
	d->lineno++;
	if (n && s[n - 1] == '\r')
		n--;
again:
	switch (d->st) {
	case ST_NONE:
		top_level(d, s, n);
		return;
	case ST_D1:
		if (n == 0) {
			commit(d);
			return;
		}
		if (s[0] == '#' && n > 1 && s[1] == '\t') {
			parse_d1_frame(d, s, n);
			return;
		}
		if (starts(s, n, "# labels:"))
			return;
		commit(d);
		goto again;
	case ST_FILE:
	case ST_CREATED: {
		const char *file;
		size_t fn;
		uint32_t line;
		if (parse_fileline(s, n, &file, &fn, &line)) {
			CFrame *f = d->st == ST_FILE ? &d->pending : &d->creator;
			f->lo = scratch_add(d, file, fn);
			f->ln = (uint32_t)fn;
			f->line = line;
			f->has_file = true;
			if (d->st == ST_FILE)
				add_frame(d, f);
			else
				d->has_creator = true;
			d->st = ST_G;
			return;
		}
		/* Something else came between a function line and its file line. A blank line, a
		 * header or another function line means the pending line was not a frame after all;
		 * any other line is foreign output mixed into the dump, skipped. */
		size_t fl;
		bool is_func = d->st == ST_FILE && parse_funcline(s, n, &fl);
		if (n == 0 || is_func || starts(s, n, "goroutine ") || starts(s, n, "created by ")) {
			if (d->st == ST_CREATED)
				warn(d, d->lineno, "'created by' line without its file:line");
			d->st = ST_G;
			goto again;
		}
		d->foreign++;
		return;
	}
	case ST_ANCESTOR:
		if (n == 0) {
			commit(d);
			return;
		}
		if (s[0] == '\t' || parse_funcline(s, n, &(size_t){0}) || starts(s, n, "created by ") ||
		    starts(s, n, "...") || starts(s, n, "[originating from goroutine "))
			return;
		commit(d);
		goto again;
	case ST_G: {
		if (n == 0) {
			commit(d);
			return;
		}
		if (starts(s, n, "created by ")) {
			size_t e = n;
			const char *in = NULL;
			for (size_t k = 11; k + 14 <= n; k++)
				if (memcmp(s + k, " in goroutine ", 14) == 0) {
					in = s + k;
					e = k;
					break;
				}
			if (in) {
				size_t p = 14;
				uint64_t g;
				if (parse_u64(in, (size_t)(s + n - in), &p, &g))
					d->creator_goid = g;
			}
			d->creator = (CFrame){0};
			d->creator.fo = scratch_add(d, s + 11, e - 11);
			d->creator.fn = (uint32_t)(e - 11);
			d->st = ST_CREATED;
			return;
		}
		if (s[0] == '.' && starts(s, n, "...") && ends(s, n, "elided...")) {
			CFrame f = {0};
			f.fo = scratch_add(d, "...", 3);
			f.fn = 3;
			add_frame(d, &f);
			return;
		}
		if (starts(s, n, "[originating from goroutine ")) {
			d->st = ST_ANCESTOR;
			return;
		}
		if (starts(s, n, "\tgoroutine running on other thread"))
			return;
		if (starts(s, n, "non-Go function at pc=")) {
			CFrame f = {0};
			f.fo = scratch_add(d, "non-Go function", 15);
			f.fn = 15;
			add_frame(d, &f);
			return;
		}
		size_t fl;
		if (parse_funcline(s, n, &fl)) {
			d->pending = (CFrame){0};
			d->pending.fo = scratch_add(d, s, fl);
			d->pending.fn = (uint32_t)fl;
			d->st = ST_FILE;
			return;
		}
		/* a new goroutine without the blank line before it */
		if (starts(s, n, "goroutine ") && ends(s, n, "]:")) {
			commit(d);
			goto again;
		}
		/* anything else is foreign: the program's own output mixed in, "exit status 2"... */
		d->foreign++;
		return;
	}
	}
}

void gd_end(GdDump *d, bool eof_mid_line)
{
	switch (d->st) {
	case ST_NONE:
		/* between goroutines: a last line cut short ("gor") after a dump means a cut dump */
		if (eof_mid_line && d->total)
			warn(d, d->lineno, "input ends in the middle of a line: the dump looks truncated");
		break;
	case ST_FILE:
	case ST_CREATED:
		warn(d, d->lineno, "input ends inside goroutine %llu (from line %llu): the dump looks truncated",
		     (unsigned long long)d->goid, (unsigned long long)d->line_of_g);
		break;
	case ST_G:
	case ST_ANCESTOR:
	case ST_D1:
		if (eof_mid_line)
			warn(d, d->lineno, "input ends in the middle of a line: the dump looks truncated");
		break;
	}
	commit(d);
	if (d->declared && d->declared != d->total)
		warn(d, 0, "the header declares %llu goroutines but the records hold %llu%s",
		     (unsigned long long)d->declared, (unsigned long long)d->total,
		     d->total < d->declared ? " (truncated?)" : "");
}

/* ---- suspects ---- */

typedef enum { BLK_NONE, BLK_RECV, BLK_SEND, BLK_SELECT, BLK_NOCASES, BLK_NILCHAN, BLK_MUTEX, BLK_RWMUTEX, BLK_WG,
	       BLK_COND, BLK_SEMA, BLK_PARKED } Blocking;

static Blocking blocking_of(const Name *state)
{
	if (!state)
		return BLK_NONE;
	const char *s = state->s;
	if (strstr(s, "(nil chan)"))
		return BLK_NILCHAN;
	if (strncmp(s, "chan receive", 12) == 0)
		return BLK_RECV;
	if (strncmp(s, "chan send", 9) == 0)
		return BLK_SEND;
	if (strncmp(s, "select (no cases)", 17) == 0)
		return BLK_NOCASES;
	if (strncmp(s, "select", 6) == 0)
		return BLK_SELECT;
	if (strncmp(s, "sync.Mutex.Lock", 15) == 0)
		return BLK_MUTEX;
	if (strncmp(s, "sync.RWMutex.", 13) == 0)
		return BLK_RWMUTEX;
	if (strncmp(s, "sync.WaitGroup.Wait", 19) == 0)
		return BLK_WG;
	if (strncmp(s, "sync.Cond.Wait", 14) == 0)
		return BLK_COND;
	if (strncmp(s, "semacquire", 10) == 0)
		return BLK_SEMA;
	if (strcmp(s, "waiting") == 0)
		return BLK_PARKED;
	return BLK_NONE;
}

static const char *blocking_text(Blocking b)
{
	switch (b) {
	case BLK_NONE: return "";
	case BLK_RECV: return "blocked receiving from a channel that no goroutine sends to or closes";
	case BLK_SEND: return "blocked sending on a channel that no goroutine receives from (its reader is gone or its buffer is full)";
	case BLK_SELECT: return "blocked in a select none of whose cases becomes ready (no sender, receiver, close or cancellation)";
	case BLK_NOCASES: return "blocked forever in an empty select {}";
	case BLK_NILCHAN: return "blocked forever on a nil channel";
	case BLK_MUTEX: return "waiting for a sync.Mutex that is never unlocked (a missing Unlock, or a holder that is itself stuck)";
	case BLK_RWMUTEX: return "waiting for a sync.RWMutex that is never released (a missing Unlock/RUnlock, or a stuck holder)";
	case BLK_WG: return "waiting on a sync.WaitGroup whose counter never reaches zero (a missing Done)";
	case BLK_COND: return "waiting on a sync.Cond that is never signalled";
	case BLK_SEMA: return "waiting on a semaphore (a sync.Mutex or WaitGroup in Go before 1.20) that is never released";
	case BLK_PARKED: return "parked in the runtime, on a channel operation or a select (the debug=1 form does not say which)";
	}
	return "";
}

static bool has_prefix(const Name *n, const char *p) { return n && strncmp(n->s, p, strlen(p)) == 0; }

/* The runtime's own goroutines (GC workers, finalizers, the scavenger...) never count as leaks. */
static bool runtime_goroutine(const GdBucket *b)
{
	if (b->has_creator && (has_prefix(b->creator.func, "runtime.") || has_prefix(b->creator.func, "internal/")))
		return true;
	if (b->nframes == 0)
		return false;
	for (uint32_t i = 0; i < b->nframes; i++)
		if (!has_prefix(b->frames[i].func, "runtime.") && !has_prefix(b->frames[i].func, "internal/") &&
		    strcmp(b->frames[i].func->s, "...") != 0)
			return false;
	return true;
}

static bool main_goroutine(const GdBucket *b)
{
	if (b->has_creator)
		return false;
	for (uint32_t i = 0; i < b->nframes; i++)
		if (strcmp(b->frames[i].func->s, "main.main") == 0)
			return true;
	return false;
}

static int bucket_cmp(const void *pa, const void *pb)
{
	const GdBucket *a = *(GdBucket *const *)pa, *b = *(GdBucket *const *)pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->suspect != b->suspect)
		return a->suspect ? -1 : 1;
	/* then input order, which qsort does not keep: first goroutine id, then the hash */
	if (a->first_id != b->first_id)
		return a->first_id < b->first_id ? -1 : 1;
	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

void gd_finish(GdDump *d)
{
	for (size_t i = 0; i < d->buckets.len; i++) {
		GdBucket *b = d->buckets.data[i];
		if (b->wait_min == UINT64_MAX)
			b->wait_min = 0;
		Blocking blk = blocking_of(b->state);
		b->suspect = false;
		b->why = NULL;
		if (runtime_goroutine(b)) {
			b->why = "the runtime's own goroutine";
			if (!b->leaked)
				continue;
		}
		if (b->leaked) {
			char *w = xasprintf("leaked: the garbage collector proved these goroutines can never wake up "
			                    "(nothing reachable can unblock them)%s%s",
			                    blk != BLK_NONE ? "; " : "", blocking_text(blk));
			b->suspect = true;
			b->why = arena_strndup(&d->arena, w, strlen(w));
			free(w);
			continue;
		}
		if (blk == BLK_NONE)
			continue;
		if (main_goroutine(b)) {
			b->why = "the main goroutine";
			continue;
		}
		char *w = NULL;
		if (blk == BLK_NOCASES || blk == BLK_NILCHAN)
			w = xasprintf("%llu goroutine%s %s", (unsigned long long)b->count, b->count == 1 ? "" : "s",
			              blocking_text(blk));
		else if (d->opt.min_wait && b->has_wait && b->wait_max >= d->opt.min_wait)
			w = xasprintf("%llu goroutine%s %s, for up to %llu minutes", (unsigned long long)b->count,
			              b->count == 1 ? "" : "s", blocking_text(blk), (unsigned long long)b->wait_max);
		else if (b->count >= d->opt.min_count)
			w = xasprintf("%llu goroutines at the same place, %s", (unsigned long long)b->count, blocking_text(blk));
		if (w) {
			b->suspect = true;
			b->why = arena_strndup(&d->arena, w, strlen(w));
			free(w);
		}
	}
	if (d->buckets.len > 1)
		qsort(d->buckets.data, d->buckets.len, sizeof *d->buckets.data, bucket_cmp);
}
