/*
 * gdump: goroutine dumps, grouped into buckets of goroutines with the same stack.
 *
 * A dump comes in three forms, all accepted from Go 1.19 to 1.26:
 *   - debug=2 text, which is also what a panic, a fatal error or SIGQUIT prints
 *     ("goroutine 7 [chan receive, 3 minutes]:" then frames "pkg.f(args)" / "\tfile:line +0x1c");
 *   - debug=1 text ("goroutine profile: total N", then "COUNT @ pcs" records with "#\tpc\tfunc+off\tfile:line");
 *   - debug=0, the gzip-compressed pprof protobuf (decoded by the shared pprof decoder, which
 *     calls gd_add_stack once per sample).
 * The text forms are fed one line at a time (gd_feed_line): the parser holds the goroutine
 * being read and the buckets, never the whole input nor every goroutine, so a dump of a
 * million goroutines needs memory in proportion to its distinct stacks only.
 *
 * Grouping key: wait state (with the GC's "leaked" mark) + every frame's function, file and
 * line + the created-by location. Argument values, PC offsets, goroutine ids and wait
 * durations are left out, so goroutines parked at the same place fall in one bucket.
 */
#ifndef GOMEM_PROFILE_GDUMP_H
#define GOMEM_PROFILE_GDUMP_H

#include "base/base.h"

typedef struct GdFrame {
	const Name *func; /* interned; "..." for an elided run of frames */
	const Name *file; /* interned; NULL when the dump gives none */
	uint32_t line;
} GdFrame;

typedef struct GdBucket {
	struct GdBucket *next; /* hash chain */
	uint64_t hash;
	uint64_t count;
	const Name *state;     /* wait reason or status ("chan receive", "running"); NULL when unknown */
	bool state_inferred;   /* state guessed from the stack (debug=0/1 forms carry none) */
	bool leaked;           /* marked "(leaked)" by the GC's goroutine leak detector (Go 1.26+) */
	bool has_wait;         /* some goroutine gave a wait duration */
	uint64_t wait_max;     /* longest wait, minutes */
	uint64_t wait_min;
	uint64_t first_id;     /* lowest goroutine id seen (0 when the form gives none) */
	GdFrame *frames;
	uint32_t nframes;
	bool has_creator;
	GdFrame creator;
	uint64_t creator_goid; /* "created by F in goroutine N" of the first goroutine, else 0 */
	/* filled by gd_finish */
	bool suspect;
	const char *why;       /* explanation when suspect, or why not (runtime goroutine...) */
} GdBucket;

typedef enum {
	GD_FORM_UNKNOWN,
	GD_FORM_TRACEBACK, /* debug=2 text, panic or SIGQUIT output */
	GD_FORM_DEBUG1,
	GD_FORM_PROTO,     /* debug=0 */
} GdForm;

typedef struct GdWarn {
	uint64_t line; /* 1-based input line, 0 for none */
	char *msg;
} GdWarn;

typedef struct GdOptions {
	uint64_t min_count;   /* a blocked bucket with at least this many goroutines is suspect */
	uint64_t min_wait;    /* ... or one blocked at least this many minutes */
} GdOptions;

typedef struct GdDump GdDump;

GdDump *gd_new(const GdOptions *opt);
void gd_free(GdDump *d);
/* Feeds one line of a text dump, without its newline. Lines are numbered from 1. */
void gd_feed_line(GdDump *d, const char *s, size_t n);
/* Ends the input; eof_mid_line says the last line had no newline. */
void gd_end(GdDump *d, bool eof_mid_line);
/* For the protobuf form: one sample of count goroutines with stack frames[0..n) (leaf first).
 * profile_name is the sample type ("goroutine", or "goroutineleak" whose goroutines are all
 * marked leaked). */
void gd_add_stack(GdDump *d, uint64_t count, const GdFrame *frames, size_t n, bool leaked);
/* Interns a string in the dump's tables (for building GdFrames for gd_add_stack). */
const Name *gd_intern(GdDump *d, const char *s, size_t n);
void gd_set_form(GdDump *d, GdForm form);
/* Sorts buckets (largest first) and flags suspects. */
void gd_finish(GdDump *d);

uint64_t gd_total(const GdDump *d);     /* goroutines read */
uint64_t gd_declared(const GdDump *d);  /* the "total N" a debug=1 header declares, else 0 */
GdForm gd_form(const GdDump *d);
size_t gd_nbuckets(const GdDump *d);
GdBucket *gd_bucket(const GdDump *d, size_t i); /* after gd_finish: sorted */
size_t gd_nwarns(const GdDump *d);
const GdWarn *gd_warn(const GdDump *d, size_t i);
const char *gd_form_name(GdForm f);

/* Reads a whole dump in any form from r (gdump_pprof.c). False with *err (heap) when a
 * debug=0 profile cannot be decoded; text input always succeeds (problems become warnings). */
struct LineReader;
bool gd_read(GdDump *d, struct LineReader *r, char **err);

/* The state of a goroutine parked at this stack, guessed from its frames (leaf first) for the
 * forms that give no state; NULL when nothing tells. hidden_top: runtime frames were elided
 * above frames[0] (debug=1), so the goroutine is parked in the runtime. */
const char *gd_infer_state(const GdFrame *frames, size_t n, bool hidden_top);

#endif
