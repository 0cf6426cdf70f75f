/* Unit tests of the profile stage's small parts: protobuf wire reader, JSON writer, units. */
#include "check.h"
#include "profile/gz.h"
#include "profile/json.h"
#include "profile/pprof.h"
#include "profile/proto.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* gzip-compresses n bytes of data (into a heap buffer). */
static uint8_t *gzip_bytes(const uint8_t *data, size_t n, size_t *outlen)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	size_t cap = deflateBound(&z, (uLong)n) + 64;
	uint8_t *out = malloc(cap);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	*outlen = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

static void test_gz(void)
{
	size_t n = 3u << 20, zn;
	uint8_t *zeros = calloc(1, n);
	uint8_t *gz = gzip_bytes(zeros, n, &zn);
	uint8_t *out = NULL;
	size_t outlen = 0;
	char *err = NULL;
	CHECK("gz/magic", gz_is_gzip(gz, zn) && !gz_is_gzip(zeros, 16));
	bool ok = gz_inflate(gz, zn, 4u << 20, &out, &outlen, &err);
	CHECK("gz/under-cap", ok && outlen == n && out[n - 1] == 0);
	free(out);
	out = NULL;
	ok = gz_inflate(gz, zn, 1u << 20, &out, &outlen, &err);
	CHECK("gz/bomb-capped", !ok && err && strstr(err, "exceeds the limit of 1048576"));
	free(err);
	err = NULL;
	CHECK("gz/exact-cap", gz_inflate(gz, zn, n, &out, &outlen, &err) && outlen == n);
	free(out);
	out = NULL;
	ok = gz_inflate(gz, zn / 2, 4u << 20, &out, &outlen, &err);
	CHECK("gz/truncated", !ok && err && strstr(err, "unexpected end"));
	free(err);
	err = NULL;
	/* two members joined, as Go's reader does */
	const uint8_t a[] = "hello, ", b[] = "world";
	size_t an, bn;
	uint8_t *ga = gzip_bytes(a, 7, &an), *gb = gzip_bytes(b, 5, &bn);
	uint8_t *two = malloc(an + bn + 3);
	memcpy(two, ga, an);
	memcpy(two + an, gb, bn);
	ok = gz_inflate(two, an + bn, 1024, &out, &outlen, &err);
	CHECK("gz/multistream", ok && outlen == 12 && memcmp(out, "hello, world", 12) == 0);
	free(out);
	out = NULL;
	memcpy(two + an + bn, "xyz", 3);
	ok = gz_inflate(two, an + bn + 3, 1024, &out, &outlen, &err);
	CHECK("gz/trailing-garbage", !ok && err && strstr(err, "invalid header"));
	free(err);
	free(two);
	free(ga);
	free(gb);
	free(gz);
	free(zeros);
}

static void test_proto(void)
{
	PbError e;
	PbReader r;
	const uint8_t v[] = {0xac, 0x02};
	pb_init(&r, v, sizeof v, &e);
	CHECK("proto/varint", pb_varint(&r) == 300 && !pb_failed(&r));
	const uint8_t trunc[] = {0xac};
	pb_init(&r, trunc, 1, &e);
	pb_varint(&r);
	CHECK("proto/truncated-varint", pb_failed(&r) && e.offset == 0 && strstr(e.msg, "truncated"));
	const uint8_t big[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02};
	pb_init(&r, big, sizeof big, &e);
	pb_varint(&r);
	CHECK("proto/overflow", pb_failed(&r) && e.offset == 9);
	/* field 2, length 5 but only 2 bytes follow */
	const uint8_t len[] = {0x08, 0x01, 0x12, 0x05, 0x00, 0x00};
	pb_init(&r, len, sizeof len, &e);
	uint32_t f;
	PbWireType wt;
	CHECK("proto/key", pb_key(&r, &f, &wt) && f == 1 && wt == PB_VARINT);
	pb_varint(&r);
	CHECK("proto/key2", pb_key(&r, &f, &wt) && f == 2 && wt == PB_BYTES);
	pb_bytes(&r);
	CHECK("proto/overlong-bytes", pb_failed(&r) && e.offset == 3);
	const uint8_t packed[] = {0x01, 0x96, 0x01, 0x7f};
	CHECK("proto/packed-count", pb_packed_count(packed, sizeof packed) == 3);
	const uint8_t group[] = {0x0b};
	pb_init(&r, group, 1, &e);
	CHECK("proto/group-rejected", !pb_key(&r, &f, &wt) && pb_failed(&r));
}

static void test_json(void)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	JsonW w;
	json_init(&w, out, false);
	json_begin_object(&w);
	json_key(&w, "s");
	json_string(&w, "a\"b\\c\n\x01\xff\xc3\xa9");
	json_key(&w, "a");
	json_begin_array(&w);
	json_int(&w, -5);
	json_uint(&w, 18446744073709551615ull);
	json_double(&w, 0.3);
	json_bool(&w, true);
	json_null(&w);
	json_begin_object(&w);
	json_end_object(&w);
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
	fclose(out);
	CHECK("json/escape-and-commas",
	      strcmp(buf, "{\"s\":\"a\\\"b\\\\c\\n\\u0001\\ufffd\xc3\xa9\",\"a\":[-5,18446744073709551615,0.3,true,null,{}]}\n") == 0);
	free(buf);
}

static void test_units(void)
{
	char b[64];
	CHECK("units/MB", strcmp(prof_scaled_label(1572864, "bytes", b, sizeof b), "1.50MB") == 0);
	CHECK("units/whole", strcmp(prof_scaled_label(10485760, "bytes", b, sizeof b), "10MB") == 0);
	CHECK("units/B", strcmp(prof_scaled_label(-48, "bytes", b, sizeof b), "-48B") == 0);
	CHECK("units/zero", strcmp(prof_scaled_label(0, "bytes", b, sizeof b), "0") == 0);
	CHECK("units/count", strcmp(prof_scaled_label(1234, "count", b, sizeof b), "1234") == 0);
	CHECK("units/ns", strcmp(prof_scaled_label(1500000000, "nanoseconds", b, sizeof b), "1.50s") == 0);
}

static void test_legacy(void)
{
	const char *text = "heap profile: 2: 2048 [4: 4096] @ heap/2\n"
	                   "2: 2048 [4: 4096] @ 0x100 0x200 0x300\n"
	                   "#\t0xff\tmain.f+0x10\t/x/main.go:7\n"
	                   "#\t0x1ff\tmain.main+0x20\t/x/main.go:12\n\n"
	                   "# runtime.MemStats\n# Alloc = 1\n";
	Profile p;
	char *err = NULL;
	bool ok = prof_parse(&p, (const uint8_t *)text, strlen(text), NULL, &err);
	CHECK("legacy/parses", ok);
	if (!ok) {
		printf("  %s\n", err);
		free(err);
		return;
	}
	CHECK("legacy/types", p.ntypes == 4 && strcmp(p.types[3].type, "inuse_space") == 0 && p.period == 1);
	CHECK("legacy/values", p.nsamples == 1 && p.samples[0].values[3] == 2048 && p.samples[0].values[0] == 4);
	/* 0x300 has no comment at the root end: dropped, as the protobuf writer drops goexit */
	CHECK("legacy/stack", p.samples[0].nlocs == 2 && p.locs[p.samples[0].locs[0]].address == 0xff);
	const ProfLine *ln = &p.locs[p.samples[0].locs[0]].lines[0];
	CHECK("legacy/symbol", strcmp(prof_line_func_name(&p, ln), "main.f") == 0 && ln->line == 7 &&
	                           strcmp(p.funcs[ln->func].filename, "/x/main.go") == 0);
	prof_free(&p);
}

int main(void)
{
	test_proto();
	test_gz();
	test_json();
	test_units();
	test_legacy();
	return check_failures ? 1 : 0;
}
