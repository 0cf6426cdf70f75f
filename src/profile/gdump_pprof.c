/*
 * gdump_pprof: the debug=0 goroutine profile (gzip-compressed pprof protobuf) into buckets.
 * Waits for the shared pprof decoder; until then the form is recognised and refused clearly.
 */
#include "profile/gdump.h"
#include "profile/linereader.h"

bool gd_from_pprof(GdDump *d, const char *path, LineReader *r, char **err);

bool gd_from_pprof(GdDump *d, const char *path, LineReader *r, char **err)
{
	(void)d;
	(void)path;
	(void)r;
	*err = xasprintf("a debug=0 (protobuf) goroutine profile: this build cannot decode it yet; "
	                 "use ?debug=2 or ?debug=1");
	return false;
}
