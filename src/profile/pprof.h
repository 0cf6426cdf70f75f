/*
 * pprof: the profile model of pprof's profile.proto
 * ($GOROOT/src/cmd/vendor/github.com/google/pprof/profile/profile.proto), decoded from
 *   - the protobuf encoding, gzip-compressed or not (what runtime/pprof and /debug/pprof/...
 *     write with debug=0), and
 *   - the legacy heap text form of runtime/pprof with debug=1 ("heap profile: ..."),
 *     converted as pprof's legacy parser does, including its sampling-rate scaling.
 *
 * Everything a Profile holds lives in its arena and dies with prof_free. Ids are resolved at
 * decode time: samples refer to locations and lines to functions by index, so no lookups
 * are needed afterwards. Decoding never trusts the input: every length and index is
 * checked, and errors carry the byte offset (protobuf) or line number (text).
 *
 * Stable API (used by heapdiff, watch and goroutines).
 */
#ifndef GOMEM_PROFILE_PPROF_H
#define GOMEM_PROFILE_PPROF_H

#include "base/base.h"

#define PROF_NONE UINT32_MAX /* "no function / no mapping" index */

typedef struct ProfValueType {
	const char *type; /* "inuse_space", "goroutine", ... ("" when absent) */
	const char *unit; /* "bytes", "count", "nanoseconds", ... */
} ProfValueType;

typedef struct ProfLabel {
	const char *key;
	const char *str;  /* string label value, or NULL for a numeric label */
	int64_t num;      /* numeric label value */
	const char *unit; /* numeric label unit, or "" */
} ProfLabel;

typedef struct ProfSample {
	uint32_t *locs;   /* indexes into Profile.locs, leaf (innermost) first */
	uint32_t nlocs;
	int64_t *values;  /* Profile.ntypes values, one per sample type */
	ProfLabel *labels;
	uint32_t nlabels;
} ProfSample;

/* One frame. A Location with several Lines stands for inlined calls: lines[0] is the
 * innermost frame, the last line is the outermost caller the others were inlined into. */
typedef struct ProfLine {
	uint32_t func;    /* index into Profile.funcs, or PROF_NONE */
	int64_t line;
	int64_t column;
} ProfLine;

typedef struct ProfLocation {
	uint64_t id;
	uint64_t address;
	uint32_t mapping; /* index into Profile.mappings, or PROF_NONE */
	bool is_folded;
	ProfLine *lines;
	uint32_t nlines;
} ProfLocation;

typedef struct ProfFunction {
	uint64_t id;
	const char *name;        /* "" when absent */
	const char *system_name;
	const char *filename;
	int64_t start_line;
} ProfFunction;

typedef struct ProfMapping {
	uint64_t id, start, limit, offset;
	const char *file, *build_id;
	bool has_functions, has_filenames, has_line_numbers, has_inline_frames;
} ProfMapping;

typedef enum {
	PROF_FORMAT_PROTO,       /* protobuf (possibly gzip-compressed) */
	PROF_FORMAT_LEGACY_HEAP, /* runtime/pprof debug=1 heap text */
} ProfFormat;

typedef struct Profile {
	Arena arena;
	ProfFormat format;
	bool gzipped;

	ProfValueType *types; /* sample types */
	size_t ntypes;
	ProfSample *samples;
	size_t nsamples;
	ProfLocation *locs;
	size_t nlocs;
	ProfFunction *funcs;
	size_t nfuncs;
	ProfMapping *mappings;
	size_t nmappings;

	ProfValueType period_type;
	int64_t period;
	int64_t time_nanos, duration_nanos;
	const char *default_sample_type; /* "" when absent */
	const char *drop_frames, *keep_frames;
	const char *doc_url;
	const char **comments;
	size_t ncomments;
} Profile;

typedef struct ProfOptions {
	uint64_t max_inflated; /* cap on the decompressed size; 0 means PROF_DEFAULT_MAX_INFLATED */
} ProfOptions;

#define PROF_DEFAULT_MAX_INFLATED ((uint64_t)1 << 30) /* 1 GiB */

/* Decodes a profile from memory (gzip or not, protobuf or legacy heap text). Returns true on
 * success; on failure returns false with *err a heap string such as
 * "protobuf: byte 1234: truncated varint" (free it), and p holds nothing to free.
 * opt may be NULL. */
bool prof_parse(Profile *p, const uint8_t *data, size_t len, const ProfOptions *opt, char **err);
/* Reads and decodes a file; "-" reads standard input. Errors as prof_parse, prefixed by
 * nothing: callers add the path. */
bool prof_read_file(Profile *p, const char *path, const ProfOptions *opt, char **err);
void prof_free(Profile *p);

/* Index of the sample type named name, or -1. */
int prof_type_index(const Profile *p, const char *name);
/* The index pprof selects by default: default_sample_type when set and present, else the
 * last sample type (-1 when there are none). */
int prof_default_type_index(const Profile *p);

/* Name of a frame's function for reports: the function's name, or "?" when it has none. */
const char *prof_line_func_name(const Profile *p, const ProfLine *ln);

/* value in unit, scaled as pprof labels it (measurement.ScaledLabel with auto units):
 * "1.50MB", "32kB", "896B", "-48B", "1.20s", "12" (counts), "0". Writes into buf. */
const char *prof_scaled_label(int64_t value, const char *unit, char *buf, size_t n);

#endif
