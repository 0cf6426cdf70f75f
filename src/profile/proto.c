/*
 * proto: protobuf wire decoding (see proto.h). The reader never reads past end: a varint
 * stops at ten bytes or at the end of the message, lengths are compared with what remains
 * before any slicing, and the first error records its absolute offset and sticks.
 */
#include "proto.h"

#include <stdio.h>
#include <string.h>

void pb_init(PbReader *r, const uint8_t *data, size_t len, PbError *err)
{
	r->p = data;
	r->end = data + len;
	r->start = data;
	r->err = err;
	memset(err, 0, sizeof *err);
}

size_t pb_offset(const PbReader *r) { return (size_t)(r->p - r->start); }

void pb_fail(PbReader *r, const char *msg)
{
	if (r->err->failed)
		return;
	r->err->failed = true;
	r->err->offset = pb_offset(r);
	snprintf(r->err->msg, sizeof r->err->msg, "%s", msg);
	r->p = r->end;
}

uint64_t pb_varint(PbReader *r)
{
	if (r->err->failed)
		return 0;
	uint64_t v = 0;
	const uint8_t *at = r->p;
	for (int i = 0; i < 10; i++) {
		if (r->p >= r->end) {
			r->p = at;
			pb_fail(r, "truncated varint");
			return 0;
		}
		uint8_t b = *r->p++;
		if (i == 9 && b > 1) {
			r->p--;
			pb_fail(r, "varint overflows 64 bits");
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80))
			return v;
	}
	pb_fail(r, "varint longer than 10 bytes");
	return 0;
}

static uint64_t pb_fixed(PbReader *r, int n)
{
	if (r->err->failed)
		return 0;
	if (r->end - r->p < n) {
		pb_fail(r, n == 8 ? "truncated fixed64" : "truncated fixed32");
		return 0;
	}
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += n;
	return v;
}

bool pb_key(PbReader *r, uint32_t *field, PbWireType *wt)
{
	if (!pb_more(r))
		return false;
	const uint8_t *at = r->p;
	uint64_t k = pb_varint(r);
	if (r->err->failed)
		return false;
	uint64_t f = k >> 3, t = k & 7;
	if (f == 0 || f > 0x1fffffff) {
		r->p = at;
		pb_fail(r, "invalid field number");
		return false;
	}
	if (t == PB_SGROUP || t == PB_EGROUP || t > PB_FIXED32) {
		r->p = at;
		pb_fail(r, t > 5 ? "invalid wire type" : "groups are not supported");
		return false;
	}
	*field = (uint32_t)f;
	*wt = (PbWireType)t;
	return true;
}

PbReader pb_bytes(PbReader *r)
{
	PbReader sub = *r;
	const uint8_t *at = r->p;
	uint64_t n = pb_varint(r);
	if (!r->err->failed && n > (uint64_t)(r->end - r->p)) {
		r->p = at;
		pb_fail(r, "length-delimited field runs past the end of its message");
	}
	if (r->err->failed) {
		sub.p = sub.end = r->end;
		return sub;
	}
	sub.p = r->p;
	sub.end = r->p + n;
	r->p += n;
	return sub;
}

void pb_skip(PbReader *r, PbWireType wt)
{
	switch (wt) {
	case PB_VARINT: pb_varint(r); break;
	case PB_FIXED64: pb_fixed(r, 8); break;
	case PB_FIXED32: pb_fixed(r, 4); break;
	case PB_BYTES: pb_bytes(r); break;
	case PB_SGROUP:
	case PB_EGROUP: pb_fail(r, "groups are not supported"); break;
	}
}

uint64_t pb_scalar(PbReader *r, PbWireType wt)
{
	switch (wt) {
	case PB_VARINT: return pb_varint(r);
	case PB_FIXED64: return pb_fixed(r, 8);
	case PB_FIXED32: return pb_fixed(r, 4);
	case PB_BYTES:
	case PB_SGROUP:
	case PB_EGROUP: break;
	}
	pb_fail(r, "wrong wire type for an integer field");
	return 0;
}

size_t pb_packed_count(const uint8_t *p, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (!(p[i] & 0x80))
			n++;
	return n;
}
