/* base_utf8_decode/encode against Go's unicode/utf8 rules, and base_json_quote against what
 * Go's encoding/json writes (json.Marshal for html, an Encoder with SetEscapeHTML(false) without). */
#include "base/base.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static int dec(const char *s, size_t n, uint32_t *w) { return (int)base_utf8_decode((const unsigned char *)s, n, w); }

static char *quote(const char *s, size_t n, bool html)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	base_json_quote(f, s, n, html);
	fclose(f);
	return buf;
}

static void check_quote(const char *name, const char *in, size_t n, bool html, const char *want)
{
	char *got = quote(in, n, html);
	CHECK(name, strcmp(got, want) == 0);
	if (strcmp(got, want) != 0)
		printf("  got  %s\n  want %s\n", got, want);
	free(got);
}

int main(void)
{
	uint32_t w;
	CHECK("utf8/ascii", dec("A", 1, &w) == 'A' && w == 1);
	CHECK("utf8/empty", dec("", 0, &w) == 0xFFFD && w == 0);
	CHECK("utf8/2byte", dec("\xc3\xa9", 2, &w) == 0xE9 && w == 2);
	CHECK("utf8/3byte", dec("\xe2\x82\xac", 3, &w) == 0x20AC && w == 3);
	CHECK("utf8/4byte", dec("\xf0\x9f\x98\x80", 4, &w) == 0x1F600 && w == 4);
	CHECK("utf8/valid-fffd", dec("\xef\xbf\xbd", 3, &w) == 0xFFFD && w == 3);
	CHECK("utf8/overlong-2", dec("\xc0\xaf", 2, &w) == 0xFFFD && w == 1);
	CHECK("utf8/overlong-3", dec("\xe0\x80\xaf", 3, &w) == 0xFFFD && w == 1);
	CHECK("utf8/surrogate", dec("\xed\xa0\x80", 3, &w) == 0xFFFD && w == 1);
	CHECK("utf8/above-max", dec("\xf4\x90\x80\x80", 4, &w) == 0xFFFD && w == 1);
	CHECK("utf8/truncated", dec("\xe2\x82", 2, &w) == 0xFFFD && w == 1);
	CHECK("utf8/bad-continuation", dec("\xe2\x28\xa1", 3, &w) == 0xFFFD && w == 1);
	CHECK("utf8/lone-continuation", dec("\x80", 1, &w) == 0xFFFD && w == 1);
	char b[4];
	CHECK("utf8/encode-euro", base_utf8_encode(0x20AC, b) == 3 && memcmp(b, "\xe2\x82\xac", 3) == 0);
	CHECK("utf8/encode-surrogate", base_utf8_encode(0xD800, b) == 3 && memcmp(b, "\xef\xbf\xbd", 3) == 0);
	CHECK("utf8/encode-max", base_utf8_encode(0x10FFFF, b) == 4 && memcmp(b, "\xf4\x8f\xbf\xbf", 4) == 0);
	CHECK("utf8/encode-too-big", base_utf8_encode(0x110000, b) == 3 && memcmp(b, "\xef\xbf\xbd", 3) == 0);

	/* expected strings as encoding/json writes them */
	check_quote("json/plain", "abc", 3, false, "\"abc\"");
	check_quote("json/escapes", "\"\\\b\f\n\r\t", 7, false, "\"\\\"\\\\\\b\\f\\n\\r\\t\"");
	check_quote("json/controls", "\x01\x1f\x7f", 3, false, "\"\\u0001\\u001f\x7f\"");
	check_quote("json/nul", "a\0b", 3, false, "\"a\\u0000b\"");
	check_quote("json/html-off", "<a&b>", 5, false, "\"<a&b>\"");
	check_quote("json/html-on", "<a&b>", 5, true, "\"\\u003ca\\u0026b\\u003e\"");
	check_quote("json/utf8", "caf\xc3\xa9 \xe2\x82\xac", 9, false, "\"caf\xc3\xa9 \xe2\x82\xac\"");
	check_quote("json/invalid", "a\xff" "b\xc0\xaf", 5, false, "\"a\\ufffdb\\ufffd\\ufffd\"");
	check_quote("json/truncated", "x\xe2\x82", 3, false, "\"x\\ufffd\\ufffd\"");
	check_quote("json/line-separators", "\xe2\x80\xa8\xe2\x80\xa9", 6, false, "\"\\u2028\\u2029\"");
	return check_failures ? 1 : 0;
}
