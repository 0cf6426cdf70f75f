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

#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int parse_main(int argc, char **argv);

static bool opt_dump, opt_stats, opt_branches;

static const Opt parse_opts[] = {
    {"dump", OPT_BOOL, &opt_dump, NULL, "print the syntax tree (format: docs/ast-dump.md)"},
    {"stats", OPT_BOOL, &opt_stats, NULL, "print files, bytes, time and MB/s to stderr"},
    {"branches", OPT_BOOL, &opt_branches, NULL, "also check labels and branches as gc does (unused labels, break outside a loop, ...)"},
};

const CmdSpec parse_spec = {
    "parse",
    "[-dump] [-stats] [-branches] FILE...",
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

/* Files are parsed by a few worker threads (one interner each), taking the next file from a
 * shared counter; the main thread prints each file's errors in argument order as soon as the
 * file is done. With -dump a single worker prints the trees itself, in order. */
typedef struct FileResult {
	bool done;
	bool read_ok;
	const char *msg; /* read error */
	bool syntax_errors;
	bool printed;    /* errors already printed by the worker (-dump) */
	Diags diags;
	size_t bytes;
} FileResult;

typedef struct Job {
	char **args;
	int nargs;
	atomic_int next;
	FileResult *res;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} Job;

static void *worker(void *arg)
{
	Job *job = arg;
	Interner names;
	intern_init(&names);
	for (;;) {
		int i = atomic_fetch_add(&job->next, 1);
		if (i >= job->nargs)
			break;
		FileResult *r = &job->res[i];
		diags_init(&r->diags);
		char *text;
		size_t len;
		if (opt_dump && job->nargs > 1)
			printf("==> %s\n", job->args[i]);
		ReadStatus st = base_read_file(job->args[i], &text, &len, &r->msg);
		if (st == READ_OK) {
			r->read_ok = true;
			r->bytes = len;
			SrcFile *src = srcfile_add(job->args[i], text, len);
			Arena arena;
			arena_init(&arena);
			SynFile *f = syn_parse_file(src, &arena, &names, &r->diags);
			if (opt_branches && !r->diags.nerrors)
				syn_check_branches(f, &r->diags);
			diags_sort(&r->diags);
			r->syntax_errors = r->diags.nerrors > 0;
			if (opt_dump) {
				/* single worker: print in order, right away */
				diags_print(&r->diags, stderr, base_isatty(stderr));
				r->printed = true;
				if (!r->syntax_errors)
					syn_dump_file(stdout, f);
			}
			arena_free(&arena);
		} else if (opt_dump) {
			fprintf(stderr, "gomem parse: %s: %s\n", job->args[i], r->msg);
			r->printed = true;
		}
		pthread_mutex_lock(&job->mu);
		r->done = true;
		pthread_cond_broadcast(&job->cv);
		pthread_mutex_unlock(&job->mu);
	}
	intern_free(&names);
	return NULL;
}

/* Deeply nested input recurses deeply: workers run on threads whose stacks are reserved
 * large (pages are only committed when touched). */
#define PARSE_STACK ((size_t)1 << 30)
#define MAX_WORKERS 8

static int run_job(Job *job)
{
	int nworkers = 1;
	if (!opt_dump) {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nworkers = ncpu < 1 ? 1 : ncpu > MAX_WORKERS ? MAX_WORKERS : (int)ncpu;
		if (nworkers > job->nargs)
			nworkers = job->nargs;
	}
	pthread_t th[MAX_WORKERS];
	int started = 0;
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) == 0) {
		pthread_attr_setstacksize(&attr, PARSE_STACK);
		while (started < nworkers && pthread_create(&th[started], &attr, worker, job) == 0)
			started++;
		pthread_attr_destroy(&attr);
	}
	if (started == 0)
		worker(job); /* no threads: the stack guard still stops deep input early */
	bool caret = base_isatty(stderr);
	bool syntax_errors = false, io_errors = false;
	for (int i = 0; i < job->nargs; i++) {
		FileResult *r = &job->res[i];
		pthread_mutex_lock(&job->mu);
		while (!r->done)
			pthread_cond_wait(&job->cv, &job->mu);
		pthread_mutex_unlock(&job->mu);
		if (!r->read_ok) {
			io_errors = true;
			if (!r->printed)
				fprintf(stderr, "gomem parse: %s: %s\n", job->args[i], r->msg);
		} else {
			syntax_errors |= r->syntax_errors;
			if (!r->printed)
				diags_print(&r->diags, stderr, caret);
		}
		diags_free(&r->diags);
	}
	for (int k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	fflush(stdout);
	return io_errors ? 2 : syntax_errors ? 1 : 0;
}

int parse_main(int argc, char **argv)
{
	char **args;
	int nargs;
	int r = opt_parse(&parse_spec, argc, argv, &args, &nargs);
	if (r == OPT_HELP)
		return 0;
	if (r != OPT_OK)
		return 2;
#if defined(__GLIBC__)
	/* Each file's arena is freed before the next: keep freed blocks in the heap for reuse
	 * instead of returning them to the kernel and faulting them in again. */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
	Job job;
	memset(&job, 0, sizeof job);
	job.args = args;
	job.nargs = nargs;
	atomic_init(&job.next, 0);
	job.res = xcalloc((size_t)nargs, sizeof(FileResult));
	pthread_mutex_init(&job.mu, NULL);
	pthread_cond_init(&job.cv, NULL);
	double t0 = now();
	int status = run_job(&job);
	double dt = now() - t0;
	size_t bytes = 0, nfiles = 0;
	for (int i = 0; i < nargs; i++)
		if (job.res[i].read_ok) {
			bytes += job.res[i].bytes;
			nfiles++;
		}
	if (opt_stats)
		fprintf(stderr, "parse: %zu files, %zu bytes, %.3fs, %.1f MB/s\n", nfiles, bytes, dt,
		        dt > 0 ? (double)bytes / 1e6 / dt : 0.0);
	free(job.res);
	pthread_mutex_destroy(&job.mu);
	pthread_cond_destroy(&job.cv);
	return status;
}
