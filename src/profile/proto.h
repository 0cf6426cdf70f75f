/*
 * proto: a small protobuf wire-format reader (varint, fixed64, length-delimited, fixed32,
 * packed repeated scalars). A PbReader walks one message's bytes; every read is bounds
 * checked and the first error sticks: it records the absolute byte offset of the failure
 * and a message, and all later reads return zeroes, so callers check pb_failed once per
 * field. Offsets are absolute within the buffer being decoded (base + position).
 */
#ifndef GOMEM_PROFILE_PROTO_H
#define GOMEM_PROFILE_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	PB_VARINT = 0,
	PB_FIXED64 = 1,
	PB_BYTES = 2,
	PB_SGROUP = 3, /* groups are deprecated; rejected */
	PB_EGROUP = 4,
	PB_FIXED32 = 5,
} PbWireType;

typedef struct PbError {
	bool failed;
	size_t offset;   /* absolute byte offset of the failure */
	char msg[96];
} PbError;

typedef struct PbReader {
	const uint8_t *p, *end;
	const uint8_t *start; /* beginning of the whole buffer, for offsets */
	PbError *err;         /* shared by nested readers */
} PbReader;

void pb_init(PbReader *r, const uint8_t *data, size_t len, PbError *err);
static inline bool pb_more(const PbReader *r) { return !r->err->failed && r->p < r->end; }
static inline bool pb_failed(const PbReader *r) { return r->err->failed; }
size_t pb_offset(const PbReader *r);
void pb_fail(PbReader *r, const char *msg);

/* Reads a field key; false at the end of the message or on error. */
bool pb_key(PbReader *r, uint32_t *field, PbWireType *wt);
uint64_t pb_varint(PbReader *r);
/* A length-delimited field as a sub-reader over its bytes. */
PbReader pb_bytes(PbReader *r);
/* Skips a field's value of wire type wt. */
void pb_skip(PbReader *r, PbWireType wt);
/* An integer scalar of any of the wire types varint, fixed64, fixed32 (as pprof accepts). */
uint64_t pb_scalar(PbReader *r, PbWireType wt);
/* Counts the elements of a repeated integer field value: 1 for a scalar wire type, the
 * number of varints in a packed payload (len is the payload's length). */
size_t pb_packed_count(const uint8_t *p, size_t len);

#endif
