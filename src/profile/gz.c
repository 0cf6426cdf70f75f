/*
 * gz: zlib inflation of gzip data with an output cap (see gz.h). The output buffer grows
 * geometrically up to the cap; inflate runs with windowBits 15+16 (gzip only), and after a
 * member ends, further members are inflated too (Go's gzip.Reader reads multistream).
 */
#include "gz.h"

#include "base/base.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

bool gz_is_gzip(const uint8_t *data, size_t len) { return len >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

bool gz_inflate(const uint8_t *data, size_t len, uint64_t cap, uint8_t **out, size_t *outlen, char **err)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		*err = xstrdup("gzip: cannot initialise zlib");
		return false;
	}
	size_t bufcap = len < ((size_t)1 << 20) ? len * 4 + 1024 : len * 2;
	/* The trailer's ISIZE (size mod 2^32 of the last member) is a good first guess when it
	 * is plausible: deflate cannot expand more than ~1032 times. */
	if (len >= 18) {
		const uint8_t *t = data + len - 4;
		uint64_t isize = (uint64_t)t[0] | (uint64_t)t[1] << 8 | (uint64_t)t[2] << 16 | (uint64_t)t[3] << 24;
		if (isize >= len / 2 && isize <= (uint64_t)len * 1032)
			bufcap = (size_t)isize + 1;
	}
	if (bufcap > cap + 1)
		bufcap = (size_t)cap + 1;
	uint8_t *buf = xmalloc(bufcap + 1);
	size_t n = 0;
	size_t pos = 0; /* consumed input */
	bool ok = false;
	for (;;) {
		z.next_in = (Bytef *)(data + pos);
		size_t in_left = len - pos;
		z.avail_in = in_left > 0x40000000u ? 0x40000000u : (uInt)in_left;
		if (n == bufcap) {
			if ((uint64_t)bufcap > cap) {
				*err = xasprintf("gzip: inflated size exceeds the limit of %llu bytes (a decompression bomb?)",
				                 (unsigned long long)cap);
				break;
			}
			size_t nc = bufcap * 2;
			if ((uint64_t)nc > cap + 1)
				nc = (size_t)cap + 1;
			buf = xrealloc(buf, nc + 1);
			bufcap = nc;
		}
		size_t room = bufcap - n;
		z.next_out = buf + n;
		z.avail_out = room > 0x40000000u ? 0x40000000u : (uInt)room;
		uInt before_in = z.avail_in, before_out = z.avail_out;
		int rc = inflate(&z, Z_NO_FLUSH);
		pos += before_in - z.avail_in;
		n += before_out - z.avail_out;
		if (rc == Z_STREAM_END) {
			if ((uint64_t)n > cap) {
				*err = xasprintf("gzip: inflated size exceeds the limit of %llu bytes (a decompression bomb?)",
				                 (unsigned long long)cap);
				break;
			}
			/* Another member follows? Skip nothing else: trailing garbage is an error as in Go. */
			if (pos < len) {
				if (!gz_is_gzip(data + pos, len - pos)) {
					*err = xasprintf("gzip: byte %zu: invalid header after the end of the stream", pos);
					break;
				}
				inflateReset(&z);
				continue;
			}
			ok = true;
			break;
		}
		if (rc == Z_OK)
			continue;
		if (rc == Z_BUF_ERROR) {
			if (z.avail_out == 0)
				continue; /* grow */
			if (pos >= len) {
				*err = xasprintf("gzip: byte %zu: unexpected end of compressed data (truncated file?)", pos);
				break;
			}
			continue;
		}
		*err = xasprintf("gzip: byte %zu: corrupt data: %s", pos, z.msg ? z.msg : "inflate failed");
		break;
	}
	inflateEnd(&z);
	if (!ok) {
		free(buf);
		return false;
	}
	buf[n] = 0;
	*out = buf;
	*outlen = n;
	return true;
}
