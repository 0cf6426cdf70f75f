/*
 * gdump_pprof: the debug=0 goroutine profile (pprof protobuf, gzip-compressed) into buckets,
 * through the shared decoder (pprof.h). The profile is already aggregated by stack, so it is
 * small whatever the number of goroutines; it is read whole (up to MAX_INPUT bytes).
 *
 * Its stacks are complete (runtime frames included), which is what gd_add_stack infers the
 * wait state from before it hides the leading runtime frames as debug=1 does. The sample type
 * names the profile: "goroutine", or "goroutineleak" (Go 1.26 with
 * GOEXPERIMENT=goroutineleakprofile), whose goroutines the GC proved leaked.
 *
 * gd_read is the whole input side of `gomem goroutines`: it tells the forms apart (gzip magic
 * for debug=0, text otherwise) and feeds the parser.
 */
#include "profile/gdump.h"
#include "profile/linereader.h"
#include "profile/pprof.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_INPUT = 256 << 20 };

static bool from_pprof(GdDump *d, LineReader *r, char **err)
{
	Vec(uint8_t) buf = {0};
	/* the whole (inflated) rest of the input */
	for (;;) {
		vec_grow_to(&buf, buf.len + 65536);
		size_t got = lr_read(r, buf.data + buf.len, buf.cap - buf.len);
		if (got == 0)
			break;
		buf.len += got;
		if (buf.len > MAX_INPUT) {
			*err = xasprintf("the profile is larger than %d MB", MAX_INPUT >> 20);
			vec_free(&buf);
			return false;
		}
	}
	if (r->error) {
		*err = xstrdup(r->errmsg ? r->errmsg : "read error");
		vec_free(&buf);
		return false;
	}
	Profile p;
	ProfOptions po = {.max_inflated = MAX_INPUT};
	if (!prof_parse(&p, buf.data, buf.len, &po, err)) {
		char *e = xasprintf("binary input that is not a goroutine profile either (%s)", *err);
		free(*err);
		*err = e;
		vec_free(&buf);
		return false;
	}
	vec_free(&buf);
	int ti = prof_type_index(&p, "goroutine");
	bool leaked = false;
	if (ti < 0) {
		ti = prof_type_index(&p, "goroutineleak");
		leaked = ti >= 0;
	}
	if (ti < 0) {
		*err = xasprintf("a %s profile, not a goroutine profile",
		                 p.ntypes ? (p.types[0].type[0] ? p.types[0].type : "unnamed") : "empty");
		prof_free(&p);
		return false;
	}
	Vec(GdFrame) fr = {0};
	for (size_t i = 0; i < p.nsamples; i++) {
		const ProfSample *s = &p.samples[i];
		int64_t v = s->values[ti];
		if (v <= 0)
			continue;
		vec_clear(&fr);
		for (uint32_t k = 0; k < s->nlocs; k++) {
			const ProfLocation *loc = &p.locs[s->locs[k]];
			if (loc->nlines == 0) {
				char hex[32];
				int n = snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)loc->address);
				GdFrame f = {gd_intern(d, hex, (size_t)n), NULL, 0};
				vec_push(&fr, f);
				continue;
			}
			for (uint32_t l = 0; l < loc->nlines; l++) {
				const ProfLine *ln = &loc->lines[l];
				const char *fn = prof_line_func_name(&p, ln);
				const char *file = ln->func != PROF_NONE ? p.funcs[ln->func].filename : "";
				GdFrame f = {gd_intern(d, fn, strlen(fn)), file && *file ? gd_intern(d, file, strlen(file)) : NULL,
				             ln->line > 0 && ln->line <= UINT32_MAX ? (uint32_t)ln->line : 0};
				vec_push(&fr, f);
			}
		}
		gd_add_stack(d, (uint64_t)v, fr.data, fr.len, leaked);
	}
	vec_free(&fr);
	prof_free(&p);
	return true;
}

bool gd_read(GdDump *d, LineReader *r, char **err)
{
	/* the (inflated) input is text, or a protobuf profile: its first bytes (field tags,
	 * lengths, small varints) hold control characters that no text dump starts with */
	const char *head;
	size_t nh = lr_peek(r, &head, 64);
	bool text = true;
	for (size_t i = 0; i < nh; i++) {
		unsigned char c = (unsigned char)head[i];
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
			text = false;
	}
	if (!text) {
		if (!from_pprof(d, r, err))
			return false;
		gd_set_form(d, GD_FORM_PROTO);
		return true;
	}
	const char *line;
	size_t n;
	while (lr_next(r, &line, &n))
		gd_feed_line(d, line, n);
	gd_end(d, r->last_mid);
	return true;
}
