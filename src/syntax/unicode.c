/*
 * Unicode classes for the scanner: letters and digits as the spec defines them, printable
 * runes as strconv.IsPrint (for gc's %#U and %q in messages), and UTF-8 decoding with Go's
 * exact rules (utf8.DecodeRune: no overlong forms, no surrogates, nothing above U+10FFFF;
 * a bad byte decodes as U+FFFD of width 1).
 *
 * The tables come from Go's unicode package (tools/genunicode); ASCII never reaches them.
 */
#include "syntax/scanner.h"
#include "syntax/unicode_tables.h"

static bool in_ranges(const uint32_t (*t)[2], size_t n, uint32_t r)
{
	if (r < t[0][0] || r > t[n - 1][1])
		return false;
	size_t lo = 0, hi = n; /* t[lo][0] <= r; answer is in [lo, hi) */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid][0] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return r <= t[lo][1];
}

bool syn_is_letter(uint32_t r)
{
	if (r < 0x80)
		return (r | 0x20) - 'a' < 26 || r == '_';
	return in_ranges(syn_letter_ranges, ARRAY_LEN(syn_letter_ranges), r);
}

bool syn_is_digit(uint32_t r)
{
	if (r < 0x80)
		return r - '0' < 10;
	return in_ranges(syn_digit_ranges, ARRAY_LEN(syn_digit_ranges), r);
}

bool syn_is_print(uint32_t r)
{
	if (r < 0x80)
		return r >= 0x20 && r < 0x7f;
	return in_ranges(syn_print_ranges, ARRAY_LEN(syn_print_ranges), r);
}

uint32_t syn_decode_rune(const unsigned char *p, size_t n, uint32_t *width)
{
	if (n == 0) {
		*width = 0;
		return SYN_RUNE_ERROR;
	}
	unsigned b0 = p[0];
	if (b0 < 0x80) {
		*width = 1;
		return b0;
	}
	*width = 1;
	unsigned lo = 0x80, hi = 0xBF, need;
	uint32_t r;
	if (b0 >= 0xC2 && b0 <= 0xDF) {
		need = 1;
		r = b0 & 0x1F;
	} else if (b0 >= 0xE0 && b0 <= 0xEF) {
		need = 2;
		r = b0 & 0x0F;
		if (b0 == 0xE0)
			lo = 0xA0;
		else if (b0 == 0xED)
			hi = 0x9F;
	} else if (b0 >= 0xF0 && b0 <= 0xF4) {
		need = 3;
		r = b0 & 0x07;
		if (b0 == 0xF0)
			lo = 0x90;
		else if (b0 == 0xF4)
			hi = 0x8F;
	} else {
		return SYN_RUNE_ERROR;
	}
	if (n < need + 1u)
		return SYN_RUNE_ERROR;
	if (p[1] < lo || p[1] > hi)
		return SYN_RUNE_ERROR;
	r = r << 6 | (p[1] & 0x3F);
	for (unsigned i = 2; i <= need; i++) {
		if (p[i] < 0x80 || p[i] > 0xBF)
			return SYN_RUNE_ERROR;
		r = r << 6 | (p[i] & 0x3F);
	}
	*width = need + 1;
	return r;
}

size_t syn_encode_rune(uint32_t r, char *buf)
{
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
		r = SYN_RUNE_ERROR;
	if (r < 0x80) {
		buf[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		buf[0] = (char)(0xC0 | r >> 6);
		buf[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		buf[0] = (char)(0xE0 | r >> 12);
		buf[1] = (char)(0x80 | (r >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | r >> 18);
	buf[1] = (char)(0x80 | (r >> 12 & 0x3F));
	buf[2] = (char)(0x80 | (r >> 6 & 0x3F));
	buf[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}
