/*
 * svg: the chart `gomem gctrace --svg` draws: heap size over time from a gctrace log.
 *
 * One plot: the live heap after each GC (the leak signal, blue, with dots when few), the heap
 * at GC start (the sawtooth the program allocates into, pale), the least-squares trend over
 * the fitted cycles (red, dashed), the warm-up left out of the fit (shaded). Axes carry units
 * and "nice" ticks (1, 2 or 5 times a power of ten); time is shown in seconds, minutes or hours
 * by the log's length. Long logs are thinned to the min and max of each pixel column, so the
 * file stays small and the envelope stays true.
 */
#include "profile/gctrace.h"

#include <math.h>
#include <string.h>

enum { W = 960, H = 560, ML = 78, MR = 28, MT = 70, MB = 88 };

static double nice_step(double range, int target)
{
	if (!(range > 0))
		return 1;
	double raw = range / target;
	double p = pow(10, floor(log10(raw)));
	double m = raw / p;
	double step = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
	return step * p;
}

static void xml_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				fputc(*s, out);
		}
	}
}

/* Tick label without trailing zeros, e.g. 0.5, 20, 1.25. */
static void fmt_num(char *buf, size_t n, double v, double step)
{
	int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	if (dec > 6)
		dec = 6;
	snprintf(buf, n, "%.*f", dec, fabs(v) < step * 1e-6 ? 0.0 : v);
}

typedef struct Plot {
	double x0, x1, y0, y1; /* data range */
	double tscale;         /* seconds per displayed time unit */
} Plot;

static double px(const Plot *p, double t) { return ML + (t / p->tscale - p->x0) / (p->x1 - p->x0) * (W - ML - MR); }
static double py(const Plot *p, double mb) { return H - MB - (mb - p->y0) / (p->y1 - p->y0) * (H - MT - MB); }

/* A polyline of one series, thinned to min/max per pixel column. */
static void series(FILE *out, const Plot *p, const GcCycle *c, size_t n, bool live, const char *style)
{
	fprintf(out, "<polyline fill=\"none\" %s points=\"", style);
	long col = -1;
	double lo = 0, hi = 0, first = 0, last = 0;
	for (size_t i = 0; i <= n; i++) {
		long k = i < n ? lround(px(p, c[i].t)) : -2;
		double v = i < n ? (live ? c[i].live_mb : c[i].start_mb) : 0;
		if (k != col) {
			if (col >= 0) {
				fprintf(out, "%ld,%.1f ", col, py(p, first));
				if (hi != first && hi != last)
					fprintf(out, "%ld,%.1f ", col, py(p, hi));
				if (lo != first && lo != last)
					fprintf(out, "%ld,%.1f ", col, py(p, lo));
				if (last != first)
					fprintf(out, "%ld,%.1f ", col, py(p, last));
			}
			col = k;
			lo = hi = first = v;
		}
		if (v < lo)
			lo = v;
		if (v > hi)
			hi = v;
		last = v;
	}
	fputs("\"/>\n", out);
}

void gct_write_svg(FILE *out, const GcCycle *c, size_t n, const GctFit *fit, const char *source)
{
	Plot p = {0};
	double dur = n ? c[n - 1].t : 0;
	const char *unit = "s";
	p.tscale = 1;
	if (dur > 3 * 3600) {
		p.tscale = 3600;
		unit = "h";
	} else if (dur > 600) {
		p.tscale = 60;
		unit = "min";
	}
	double tmin = n ? c[0].t / p.tscale : 0, tmax = n ? c[n - 1].t / p.tscale : 1;
	double ymax = 0;
	for (size_t i = 0; i < n; i++) {
		if (c[i].start_mb > ymax)
			ymax = c[i].start_mb;
		if (c[i].live_mb > ymax)
			ymax = c[i].live_mb;
	}
	if (ymax <= 0)
		ymax = 1;
	double xstep = nice_step(tmax - tmin > 0 ? tmax - tmin : 1, 8);
	p.x0 = floor(tmin / xstep) * xstep;
	p.x1 = ceil(tmax / xstep) * xstep;
	if (p.x1 <= p.x0)
		p.x1 = p.x0 + xstep;
	double ystep = nice_step(ymax, 6);
	p.y0 = 0;
	p.y1 = ceil(ymax * 1.05 / ystep) * ystep;

	fprintf(out,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	        "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
	        "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
	        W, H, W, H);
	/* title */
	const char *color = fit->verdict == GCT_GROWING ? "#c62828" : fit->verdict == GCT_STEADY ? "#2e7d32" : "#555";
	fprintf(out, "<text x=\"%d\" y=\"28\" font-size=\"19\" font-weight=\"bold\">Live heap after each GC: "
	        "<tspan fill=\"%s\">%s", ML, color, gct_verdict_name(fit->verdict));
	if (fit->verdict != GCT_UNKNOWN)
		fprintf(out, " (%+.2f MB/min)", fit->slope * 60);
	fputs("</tspan></text>\n", out);
	fprintf(out, "<text x=\"%d\" y=\"50\" fill=\"#555\">", ML);
	xml_text(out, source);
	char d1[32], d2[32];
	fprintf(out, " \xe2\x80\x94 %zu GC cycles over %s; trend fitted on %zu cycles after a %s warm-up, r\xc2\xb2 %.2f</text>\n",
	        n, gct_duration(d1, sizeof d1, n ? c[n - 1].t - c[0].t : 0.0), fit->n, gct_duration(d2, sizeof d2, fit->warmup_s),
	        fit->r2);

	/* warm-up shading */
	if (n && fit->n && fit->first > 0) {
		double xa = px(&p, c[0].t), xb = px(&p, c[fit->first].t);
		fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eeeeee\"/>\n", xa, MT, xb - xa,
		        H - MT - MB);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" fill=\"#888\" font-size=\"11\" text-anchor=\"middle\">warm-up</text>\n",
		        (xa + xb) / 2, MT + 14);
	}
	/* grid and ticks */
	char buf[64];
	int nty = (int)lround((p.y1 - p.y0) / ystep);
	for (int k = 0; k <= nty && k <= 100; k++) {
		double v = p.y0 + k * ystep;
		double y = py(&p, v);
		fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>\n", ML, y, W - MR, y);
		fmt_num(buf, sizeof buf, v, ystep);
		fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333\">%s</text>\n", ML - 8, y + 4, buf);
	}
	int ntx = (int)lround((p.x1 - p.x0) / xstep);
	for (int k = 0; k <= ntx && k <= 100; k++) {
		double v = p.x0 + k * xstep;
		double x = ML + (v - p.x0) / (p.x1 - p.x0) * (W - ML - MR);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>\n", x, MT, x, H - MB);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n", x, H - MB, x, H - MB + 5);
		fmt_num(buf, sizeof buf, v, xstep);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>\n", x, H - MB + 20, buf);
	}
	/* axes */
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", ML, MT, ML, H - MB);
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", ML, H - MB, W - MR, H - MB);
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">time since program start (%s)</text>\n",
	        ML + (W - ML - MR) / 2, H - MB + 42, unit);
	fprintf(out, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">heap (MB)</text>\n",
	        MT + (H - MT - MB) / 2);
	/* data */
	if (n) {
		series(out, &p, c, n, false, "stroke=\"#90a4ae\" stroke-width=\"1\" stroke-opacity=\"0.8\"");
		series(out, &p, c, n, true, "stroke=\"#1565c0\" stroke-width=\"2\"");
		if (n <= 300)
			for (size_t i = 0; i < n; i++)
				fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#1565c0\"/>\n", px(&p, c[i].t),
				        py(&p, c[i].live_mb));
	}
	/* trend over the fitted span */
	if (fit->verdict != GCT_UNKNOWN && fit->n >= 2) {
		double ta = c[fit->first].t, tb = c[n - 1].t;
		double ya = fit->intercept + fit->slope * ta, yb = fit->intercept + fit->slope * tb;
		fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d32f2f\" stroke-width=\"2.5\" "
		        "stroke-dasharray=\"8 5\"/>\n", px(&p, ta), py(&p, ya), px(&p, tb), py(&p, yb));
	}
	/* legend: one row under the axis label, outside the data */
	int lx = ML, ly = H - 14;
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1565c0\" stroke-width=\"2\"/>"
	        "<text x=\"%d\" y=\"%d\">live heap after GC</text>\n", lx, ly - 4, lx + 26, ly - 4, lx + 32, ly);
	lx += 175;
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#90a4ae\" stroke-width=\"1.5\"/>"
	        "<text x=\"%d\" y=\"%d\">heap at GC start</text>\n", lx, ly - 4, lx + 26, ly - 4, lx + 32, ly);
	lx += 160;
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d32f2f\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/>"
	        "<text x=\"%d\" y=\"%d\">least-squares trend, %+.2f MB/min</text>\n", lx, ly - 4, lx + 26, ly - 4, lx + 32, ly,
	        fit->slope * 60);
	lx += 295;
	fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"12\" fill=\"#eeeeee\" stroke=\"#ccc\"/>"
	        "<text x=\"%d\" y=\"%d\">warm-up (not fitted)</text>\n", lx, ly - 11, lx + 28, ly);
	fputs("</svg>\n", out);
}
