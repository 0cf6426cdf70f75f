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
	return base_utf8_decode(p, n, width);
}

size_t syn_encode_rune(uint32_t r, char *buf)
{
	return base_utf8_encode(r, buf);
}
