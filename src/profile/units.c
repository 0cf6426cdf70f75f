/*
 * units: pprof's human-readable values (internal/measurement: ScaledLabel with "auto"):
 * the largest unit of the value's family in which it is at least 1, printed with two
 * decimals and a trailing ".00" removed; "bytes" and "nanoseconds" are recognised by
 * their singular, lower-case form, as pprof's sniffUnit does.
 */
#include "pprof.h"

#include <ctype.h>
#include <string.h>

typedef struct Unit {
	const char *name;
	double factor;
} Unit;

static const Unit byte_units[] = {{"B", 1},       {"kB", 1024.0},          {"MB", 1048576.0},
                                  {"GB", 1073741824.0}, {"TB", 1099511627776.0}, {"PB", 1125899906842624.0}};
static const Unit time_units[] = {{"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"hrs", 3600e9}};

/* Which family the unit belongs to and its factor within it; NULL when unknown. */
static const Unit *sniff(const char *unit, double *factor, size_t *nunits)
{
	char u[32];
	size_t n = strlen(unit);
	if (n == 0 || n >= sizeof u)
		return NULL;
	for (size_t i = 0; i < n; i++)
		u[i] = (char)tolower((unsigned char)unit[i]);
	u[n] = 0;
	if (n > 1 && u[n - 1] == 's')
		u[n - 1] = 0;
	static const struct { const char *alias; int family; double factor; } aliases[] = {
	    {"b", 0, 1}, {"byte", 0, 1}, {"kb", 0, 1024.0}, {"kbyte", 0, 1024.0}, {"kilobyte", 0, 1024.0},
	    {"mb", 0, 1048576.0}, {"mbyte", 0, 1048576.0}, {"megabyte", 0, 1048576.0},
	    {"gb", 0, 1073741824.0}, {"gbyte", 0, 1073741824.0}, {"gigabyte", 0, 1073741824.0},
	    {"n", 1, 1}, {"nanosecond", 1, 1}, {"u", 1, 1e3}, {"microsecond", 1, 1e3}, {"m", 1, 1e6},
	    {"millisecond", 1, 1e6}, {"sec", 1, 1e9}, {"second", 1, 1e9}, {"hour", 1, 3600e9}, {"hr", 1, 3600e9},
	};
	for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
		if (strcmp(u, aliases[i].alias) == 0) {
			*factor = aliases[i].factor;
			if (aliases[i].family == 0) {
				*nunits = ARRAY_LEN(byte_units);
				return byte_units;
			}
			*nunits = ARRAY_LEN(time_units);
			return time_units;
		}
	return NULL;
}

const char *prof_scaled_label(int64_t value, const char *unit, char *buf, size_t n)
{
	double factor = 1;
	size_t nunits = 0;
	const Unit *units = sniff(unit ? unit : "", &factor, &nunits);
	double v = (double)value;
	const char *uname = "";
	if (units) {
		double av = (v < 0 ? -v : v) * factor, f = 0;
		for (size_t i = 0; i < nunits; i++)
			if (units[i].factor >= f && av / units[i].factor >= 1.0) {
				f = units[i].factor;
				uname = units[i].name;
			}
		if (f == 0) {
			f = units == byte_units ? 1 : 1e9; /* the default unit: B or s */
			uname = units == byte_units ? "B" : "s";
		}
		v = v * factor / f;
	} else if (unit && *unit && strcmp(unit, "count") && strcmp(unit, "sample") && strcmp(unit, "unit")) {
		uname = unit;
	}
	char num[64];
	snprintf(num, sizeof num, "%.2f", v);
	size_t l = strlen(num);
	if (l > 3 && strcmp(num + l - 3, ".00") == 0)
		num[l - 3] = 0;
	if (strcmp(num, "0") == 0 || strcmp(num, "-0") == 0)
		snprintf(buf, n, "0");
	else
		snprintf(buf, n, "%s%s", num, uname);
	return buf;
}
