/*
 * Fuzz target: the profile decoder (gzip, protobuf, legacy heap text) and the heapdiff
 * aggregation over whatever it accepts. The inflate cap is kept small so a fuzzed
 * decompression bomb is rejected quickly.
 */
#include "profile/heapdiff.h"
#include "profile/pprof.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Profile p;
	char *err = NULL;
	ProfOptions opt = {8u << 20};
	if (!prof_parse(&p, data, size, &opt, &err)) {
		free(err);
		return 0;
	}
	for (size_t t = 0; t < p.ntypes; t++) {
		ProfAgg g;
		prof_agg_init(&g);
		prof_agg_add(&g, &p, (int)t, +1);
		prof_agg_add(&g, &p, (int)t, -1);
		size_t nf, ns;
		prof_agg_functions(&g, &nf);
		prof_agg_sites(&g, &ns);
		prof_agg_free(&g);
	}
	prof_free(&p);
	return 0;
}
