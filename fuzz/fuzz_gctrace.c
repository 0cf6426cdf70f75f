/*
 * Fuzz target: gctrace line parsing, the trend fit and the SVG chart on whatever cycles the
 * input yields.
 */
#include "profile/gctrace.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Vec(GcCycle) cy = {0};
	const char *s = (const char *)data;
	size_t i = 0;
	while (i < size) {
		const char *nl = memchr(s + i, '\n', size - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : size - i;
		GcCycle c;
		if (gct_parse_line(s + i, n, &c) == GCT_CYCLE) {
			if (c.live_mb < 0 || c.t < 0)
				abort();
			vec_push(&cy, c);
		}
		i += n + 1;
	}
	GctFit fit = gct_fit(cy.data, cy.len);
	if (fit.verdict != GCT_UNKNOWN && fit.n > cy.len)
		abort();
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (out) {
		gct_write_svg(out, cy.data, cy.len, &fit, "fuzz");
		fclose(out);
		free(buf);
	}
	vec_free(&cy);
	return 0;
}
