/*
 * UTF-8 and JSON strings, shared by every stage: one decoder with Go's exact rules
 * (utf8.DecodeRune: no overlong forms, no surrogates, nothing above U+10FFFF; a bad or
 * truncated sequence decodes as U+FFFD of width 1), its encoder, and JSON string quoting
 * as Go's encoding/json writes it.
 */
#include "base.h"

#include <string.h>

uint32_t base_utf8_decode(const unsigned char *p, size_t n, uint32_t *width)
{
	if (n == 0) {
		*width = 0;
		return BASE_RUNE_ERROR;
	}
	unsigned b0 = p[0];
	*width = 1;
	if (b0 < 0x80)
		return b0;
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
		return BASE_RUNE_ERROR;
	}
	if (n < need + 1u || p[1] < lo || p[1] > hi)
		return BASE_RUNE_ERROR;
	r = r << 6 | (p[1] & 0x3F);
	for (unsigned i = 2; i <= need; i++) {
		if (p[i] < 0x80 || p[i] > 0xBF)
			return BASE_RUNE_ERROR;
		r = r << 6 | (p[i] & 0x3F);
	}
	*width = need + 1;
	return r;
}

size_t base_utf8_encode(uint32_t r, char *buf)
{
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
		r = BASE_RUNE_ERROR;
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

size_t base_quote_ascii_step(const unsigned char *s, size_t n, uint32_t *width, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t r = base_utf8_decode(s, n, width);
	if (r == BASE_RUNE_ERROR && *width == 1)
		r = s[0]; /* an invalid byte: spelled \xHH below */
	else if (r >= 0x80) {
		int digits = r < 0x10000 ? 4 : 8;
		size_t k = 0;
		buf[k++] = '\\';
		buf[k++] = r < 0x10000 ? 'u' : 'U';
		for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4)
			buf[k++] = hex[r >> sh & 15];
		return k;
	}
	const char *esc = NULL;
	switch (r) {
	case '\a': esc = "\\a"; break;
	case '\b': esc = "\\b"; break;
	case '\f': esc = "\\f"; break;
	case '\n': esc = "\\n"; break;
	case '\r': esc = "\\r"; break;
	case '\t': esc = "\\t"; break;
	case '\v': esc = "\\v"; break;
	case '\\': esc = "\\\\"; break;
	case '"': esc = "\\\""; break;
	}
	if (esc) {
		memcpy(buf, esc, 2);
		return 2;
	}
	if (r >= 0x20 && r < 0x7f) {
		buf[0] = (char)r;
		return 1;
	}
	buf[0] = '\\', buf[1] = 'x', buf[2] = hex[r >> 4], buf[3] = hex[r & 15];
	return 4;
}

void base_json_quote(FILE *out, const char *str, size_t n, bool html)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	fputc('"', out);
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			switch (c) {
			case '"': fputs("\\\"", out); continue;
			case '\\': fputs("\\\\", out); continue;
			case '\b': fputs("\\b", out); continue;
			case '\f': fputs("\\f", out); continue;
			case '\n': fputs("\\n", out); continue;
			case '\r': fputs("\\r", out); continue;
			case '\t': fputs("\\t", out); continue;
			}
			if (c < 0x20 || (html && (c == '<' || c == '>' || c == '&')))
				fprintf(out, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
			else
				fputc((int)c, out);
			continue;
		}
		uint32_t w;
		uint32_t r = base_utf8_decode(s + i, n - i, &w);
		if (r == BASE_RUNE_ERROR && w == 1)
			fputs("\\ufffd", out);
		else if (r == 0x2028 || r == 0x2029)
			fprintf(out, "\\u%04x", (unsigned)r);
		else
			fwrite(s + i, 1, w, out);
		i += w;
	}
	fputc('"', out);
}
