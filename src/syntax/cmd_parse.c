/*
 * gomem parse [-dump] [-stats] FILE...: checks the syntax of Go files.
 *
 * Each file is read, parsed into its own arena and the arena freed before the next file
 * (nothing outlives a file but its text in the source registry), so memory stays flat over
 * thousands of files. Exit status: 0 all parsed, 1 a syntax error somewhere, 2 a file could
 * not be read (the others are still parsed).
 */
#include "base/opt.h"
#include "syntax/ast.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int parse_main(int argc, char **argv);

static bool opt_dump, opt_stats;

static const Opt parse_opts[] = {
    {"dump", OPT_BOOL, &opt_dump, NULL, "print the syntax tree (format: docs/ast-dump.md)"},
    {"stats", OPT_BOOL, &opt_stats, NULL, "print files, bytes, time and MB/s to stderr"},
};

const CmdSpec parse_spec = {
    "parse",
    "[-dump] [-stats] FILE...",
    "check the syntax of Go files (and print their syntax trees)",
    "Syntax errors are printed as FILE:LINE:COL: syntax error: ..., as the Go compiler prints\n"
    "them. Exit status: 0 when every file parses, 1 when any has a syntax error, 2 when a\n"
    "file cannot be read.",
    parse_opts,
    ARRAY_LEN(parse_opts),
    1,
    -1,
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct Job {
	char **args;
	int nargs;
	int status;
} Job;

static void *parse_files(void *arg)
{
	Job *job = arg;
	char **args = job->args;
	int nargs = job->nargs;

	Interner names;
	intern_init(&names);
	bool caret = base_isatty(stderr);
	bool syntax_errors = false, io_errors = false;
	size_t bytes = 0, nfiles = 0;
	double t0 = now();
	for (int i = 0; i < nargs; i++) {
		char *text;
		size_t len;
		const char *msg;
		if (opt_dump && nargs > 1)
			printf("==> %s\n", args[i]);
		ReadStatus st = base_read_file(args[i], &text, &len, &msg);
		if (st != READ_OK) {
			fprintf(stderr, "gomem parse: %s: %s\n", args[i], msg);
			io_errors = true;
			continue;
		}
		SrcFile *src = srcfile_add(args[i], text, len);
		Diags diags;
		diags_init(&diags);
		Arena arena;
		arena_init(&arena);
		SynFile *f = syn_parse_file(src, &arena, &names, &diags);
		if (diags.nerrors)
			syntax_errors = true;
		diags_sort(&diags);
		diags_print(&diags, stderr, caret);
		if (opt_dump && !diags.nerrors)
			syn_dump_file(stdout, f);
		diags_free(&diags);
		arena_free(&arena);
		bytes += len;
		nfiles++;
	}
	double dt = now() - t0;
	if (opt_stats)
		fprintf(stderr, "parse: %zu files, %zu bytes, %.3fs, %.1f MB/s\n", nfiles, bytes, dt,
		        dt > 0 ? (double)bytes / 1e6 / dt : 0.0);
	intern_free(&names);
	fflush(stdout);
	job->status = io_errors ? 2 : syntax_errors ? 1 : 0;
	return NULL;
}

/* Deeply nested input recurses deeply: the files are parsed on a thread whose stack is
 * reserved large (pages are only committed when touched). */
#define PARSE_STACK ((size_t)1 << 30)

int parse_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int r = opt_parse(&parse_spec, argc, argv, &args, &nargs);
	if (r == OPT_HELP)
		return 0;
	if (r != OPT_OK)
		return 2;
	Job job = {args, nargs, 0};
	pthread_attr_t attr;
	pthread_t th;
	bool threaded = false;
	if (pthread_attr_init(&attr) == 0) {
		if (pthread_attr_setstacksize(&attr, PARSE_STACK) == 0 && pthread_create(&th, &attr, parse_files, &job) == 0)
			threaded = true;
		pthread_attr_destroy(&attr);
	}
	if (threaded)
		pthread_join(th, NULL);
	else
		parse_files(&job); /* the stack guard still stops deep input early */
	return job.status;
}
