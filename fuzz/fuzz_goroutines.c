/*
 * Fuzz target: the goroutine-dump reader (text forms line by line, and the debug=0 path when
 * the input starts with the gzip magic), then grouping, suspects and both outputs' inputs.
 */
#include "profile/gdump.h"
#include "profile/linereader.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)data, size, "rb");
	if (!f)
		return 0;
	LineReader r;
	lr_init(&r, f);
	GdOptions o = {2, 1};
	GdDump *d = gd_new(&o);
	char *err = NULL;
	if (gd_read(d, &r, &err)) {
		gd_finish(d);
		uint64_t sum = 0;
		for (size_t i = 0; i < gd_nbuckets(d); i++) {
			GdBucket *b = gd_bucket(d, i);
			sum += b->count;
			for (uint32_t k = 0; k < b->nframes; k++)
				if (!b->frames[k].func)
					abort();
		}
		if (sum != gd_total(d))
			abort();
	}
	free(err);
	gd_free(d);
	lr_close(&r);
	fclose(f);
	return 0;
}
